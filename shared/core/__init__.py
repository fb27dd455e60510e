"""The pure core: plain values in, plain values out. No Google client, no HTTP,
no settings, no clock reads, no I/O beyond reading the packaged data files."""
