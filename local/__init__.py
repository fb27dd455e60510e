"""The local stack (Zalo stand-in and helpers); never deployed."""
