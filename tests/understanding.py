"""Scoring the line's understanding of real messages and questions (issue 17).

Labelled pairs of sets, and sets of questions alone, live in tests/fixtures:

- `messages_blind.jsonl`, `questions_blind.jsonl`: written before the rules of
  issue 17 were changed, scored once before and once after, and never used to
  tune a rule. tests/test_understanding.py holds them to the targets.
- `messages_blind2.jsonl`, `questions_blind2.jsonl`: a second blind pair, written
  once the rules were nearly done (a few misses of the first had been seen in a
  stray print while working), scored only at the end of round 2; its misses
  were worked on in round 3, so it is a tuning set now.
- `messages_blind3.jsonl`, `questions_blind3.jsonl`: the third blind pair,
  written in round 3 before any rule changed (its header holds the scores
  then), scored once at the end of round 3. Its misses were worked on in
  round 4 (set 3 was tuned against in round 4): a tuning set now.
- `messages_blind4.jsonl`, `questions_blind4.jsonl`: the fourth blind pair,
  written in round 4 by someone who had not seen the rules, scored before
  round 4's rules and once after them (its two header lines), then tuned
  against in round 4's second pass: a tuning set now.
- `messages_blind5.jsonl`, `questions_blind5.jsonl`: the fifth blind pair,
  written in round 4 by someone who had not seen the rules, scored blind twice
  (its header lines: after round 4's first and second passes), then tuned
  against in round 4's third pass: a tuning set now.
- `messages_blind6.jsonl`, `questions_blind6.jsonl`: the sixth pair, written
  in round 4 by someone who had not seen the rules, scored blind before and
  after round 4's third pass (its header lines), then tuned against in
  round 5's first pass (its urgency misses) and round 6 (its kind and category
  misses): a tuning set now.
- `messages_blind7.jsonl`, `questions_blind7.jsonl`: the seventh pair, written
  the same way, scored blind once on round 4's final rules, then tuned against
  in round 5's first pass and round 6 like set 6: a tuning set now. The
  question misses of both were worked on in round 6 too.
- `messages_blind8.jsonl`, `questions_blind8.jsonl`: the eighth pair, written
  in round 5 by someone who had not seen the rules, scored blind before and
  after round 5's pass and after round 6's first pass (its header lines),
  then tuned against in round 6's second pass.
- `messages_blind9.jsonl`, `questions_blind9.jsonl`: the ninth pair, written
  in round 6 by someone who had not seen the rules, scored blind before
  round 6's first pass and once after it (its header lines); with set 8, tuned
  against in round 6's second pass: both are tuning sets now.
- `messages_blind10.jsonl`, `questions_blind10.jsonl`: the tenth pair, written
  in round 6 by someone who had not seen the rules, scored blind before round
  6's second pass, once after it and once after round 7's change to the
  learned urgency (its header lines); tuned against from round 7 on.
- `messages_blind11.jsonl`, `questions_blind11.jsonl`: the eleventh pair,
  written in round 7 by someone who had not seen the rules, scored blind
  before round 7's changes and once after them (its header lines); never
  worked on.
- `messages_blind12.jsonl`, `questions_blind12.jsonl`: the twelfth pair, written
  in round 8 by someone who had not seen the rules, scored blind before round 8's
  changes (its header lines); never worked on.
- `messages_blind13.jsonl`, `questions_blind13.jsonl`: the thirteenth pair, written
  in round 9 by someone who had not seen the rules, scored blind before round 9's
  changes (its header lines); never worked on.
- `messages_blind14.jsonl`, `questions_blind14.jsonl`: the fourteenth pair, written
  in round 10 by someone who had not seen the rules, scored blind before round 10's
  changes (its header lines); never worked on.
- `messages_blind15.jsonl`, `questions_blind15.jsonl`: the fifteenth pair, written
  in round 11 by someone who had not seen the rules, scored blind before round 11's
  changes (its header lines); never worked on.
- `messages_blind16.jsonl`, `questions_blind16.jsonl`: the sixteenth pair, written
  in round 12 by someone who had not seen the rules, scored blind before round 12's
  changes (its header lines); never worked on.
- `messages_blind17.jsonl`, `questions_blind17.jsonl`: the seventeenth pair, written
  in round 13 by someone who had not seen the rules, scored blind before round 13's
  changes (its header lines); never worked on.
- `messages_blind18.jsonl`, `questions_blind18.jsonl`: the eighteenth pair, written
  in round 14 by someone who had not seen the rules, scored blind before round 14's
  changes (its header lines); never worked on.
- `messages_blind19.jsonl`, `questions_blind19.jsonl`: the nineteenth pair, written
  in round 15 by someone who had not seen the rules, scored blind before round 15's
  changes (its header lines); never worked on.
- `messages_blind20.jsonl`, `questions_blind20.jsonl`: the twentieth pair, written
  in round 16 by someone who had not seen the rules, scored blind before round 16's
  changes (its header lines); never worked on.
- `messages_blind21.jsonl`, `questions_blind21.jsonl`: the twenty-first pair, written
  in round 17 by someone who had not seen the rules (the brief now stating the line's
  conventions), scored blind before round 17's changes (its header lines); never
  worked on.
- `messages_blind22.jsonl`, `questions_blind22.jsonl`: the twenty-second pair, written
  in round 18 by someone who had not seen the rules (the same brief as round 17's),
  scored blind before round 18's changes (its header lines); never worked on.
- `messages_blind23.jsonl`, `questions_blind23.jsonl`: the twenty-third pair, written
  in round 19 by someone who had not seen the rules (the same brief), scored blind
  before round 19's changes (its header lines); never worked on.
- `messages_blind24.jsonl`, `questions_blind24.jsonl`: the twenty-fourth pair, written
  in round 20 by two writers who had not seen the rules (the same brief), scored blind
  before round 20's changes (its header lines); never worked on.
- `messages_blind25.jsonl`, `questions_blind25.jsonl`: the twenty-fifth pair, written
  in round 21 by two writers who had not seen the rules (the same brief), scored blind
  before round 21's changes (its header lines); never worked on.
- `messages_blind26.jsonl`, `questions_blind26.jsonl`: the twenty-sixth pair, written
  in round 22 by two writers who had not seen the rules (the same brief), scored blind
  before round 22's changes (its header lines); never worked on.
- `messages_blind27.jsonl`, `questions_blind27.jsonl`: the twenty-seventh pair, written
  in round 23 by two writers who had not seen the rules (a brief written anew, stating the
  line's conventions: round 22's was lost with its machine), scored blind before round
  23's changes (its header lines); never worked on.
- `messages_blind28.jsonl`, `questions_blind28.jsonl`: the twenty-eighth pair, written
  in round 24 by two writers who had not seen the rules (round 23's brief), scored blind
  before round 24's changes (its header lines); never worked on.
- `messages_blind29.jsonl`, `questions_blind29.jsonl`: the twenty-ninth pair, written
  in round 25 by two writers who had not seen the rules (round 23's brief), scored blind
  before round 25's changes (its header lines); never worked on.
- `messages_blind30.jsonl`, `questions_blind30.jsonl`: the thirtieth pair, written
  in round 26 by two writers who had not seen the rules (round 23's brief), scored blind
  before round 26's changes (its header lines); never worked on.
- `messages_blind31.jsonl`, `questions_blind31.jsonl`: the thirty-first pair, written
  in round 27 by two writers who had not seen the rules (round 23's brief), scored blind
  before round 27's changes (its header lines); never worked on.
- `messages_blind32.jsonl`, `questions_blind32.jsonl`: the thirty-second pair, written
  in round 28 by two writers who had not seen the rules (round 23's brief), scored blind
  before round 28's changes (its header lines); never worked on.
- `messages_blind33.jsonl`, `questions_blind33.jsonl`: the thirty-third pair, written
  in round 32 by a writer who had not seen the rules (round 23's brief was lost: the brief
  written anew is tests/writers_brief.md), scored blind before round 32's changes (its
  header lines); never worked on.
- `messages_blind34.jsonl`, `questions_blind34.jsonl`: the thirty-fourth pair, written in
  round 33 by a writer who had not seen the rules (tests/writers_brief.md), scored blind
  before round 33's changes (its header lines); never worked on.
- `messages_blind35.jsonl`, `questions_blind35.jsonl`: the thirty-fifth pair, written in
  round 34 by a writer who had not seen the rules (tests/writers_brief.md), scored blind
  before round 34's changes (its header lines); never worked on.
- `messages_blind36.jsonl`, `questions_blind36.jsonl`: the thirty-sixth pair, written in
  round 35 by a writer who had not seen the rules (tests/writers_brief.md), scored blind
  before round 35's changes (its header lines); never worked on.
- `messages_blind37.jsonl`, `questions_blind37.jsonl`: the thirty-seventh pair, written in
  round 36 by a writer who had not seen the rules (tests/writers_brief.md), scored blind
  before round 36's changes (its header lines); never worked on.
- `messages_tuning.jsonl`, `questions_tuning.jsonl`: the sets the rules were
  tuned against (the failures quoted in the issue among them).
- `messages_tuning5.jsonl`, `questions_tuning5.jsonl`: 170 tips and 30 questions
  written in round 9 by someone who had not seen the rules, on urgency (a person in
  danger now told many ways, beside the same events over), scored before any change
  (its header); tuned against in round 9's urgency pass.
- `messages_tuning4.jsonl`, `questions_tuning4.jsonl`: fresh phrasings of
  every category and topic written in round 4 in five batches, each scored
  before the rules it then drove (figures in the headers); the fourth and
  fifth hold two or three phrasings of each principle behind blind sets 4's
  and 5's misses; a sixth batch (round 5 for messages, round 6 for questions)
  those behind sets 6's and 7's, a seventh and an eighth (round 6) those behind
  their kind and category misses and the same principles probed in other words;
  question batches 9 and 10 (round 7) those behind the question misses of sets 5-10.

Questions alone (`QUESTION_SETS`, no messages file):

- `questions_tuning11.jsonl`: 105 questions written in round 7 by someone who had
  not seen the rules, scored before any change (its header); tuned against from then on.
- `questions_tuning12.jsonl`: 100 questions written in round 7 by another writer who
  had not seen the rules (context-heavy, follow-ups, wrong terms, online services),
  scored before any change (its header); tuned against in round 7's third assistant pass.
- `questions_tuning13.jsonl`: 120 questions written in round 8 by a writer who had not
  seen the rules (landlords, newcomers, merged wards, foreigners' hosts, online
  services), scored before any change (its header); tuned against from then on.
- `questions_tuning14.jsonl`: 117 questions written later in round 8 by another writer
  who had not seen the rules (very short, long stories, old terms, follow-ups, mixed
  scopes), scored before any change (its header); tuned against from then on.
- `questions_tuning15.jsonl`, `questions_tuning16.jsonl`: 110 questions each, written in
  round 9 by two writers who had not seen the rules, scored before any change (their
  headers). Set 15 was worked on in round 9's assistant pass; set 16 was kept out of it
  and scored after it, to see how far that pass reached questions it never saw, then
  worked on (and trained on) in round 9's second pass.
- `questions_tuning17.jsonl` to `questions_tuning21.jsonl`: 110 questions each, written
  in round 10 by five writers who had not seen the rules, scored before any change
  (their headers). Set 17 was worked on in round 10's assistant pass; set 18 was kept
  out of it, to see how far that pass reached questions it never saw, then worked on in
  round 10's second pass; set 19, kept out of both, in its third; set 20, kept out of
  all three, in its fourth; set 21 was kept out of all four, then worked on in round 11's
  assistant pass.
- `questions_tuning22.jsonl`: 110 questions written in round 11 by a writer who had not
  seen the rules, scored before any change (its header), kept out of round 11's pass on
  set 21 to see how far it reached questions it never saw, then worked on in round 11's
  second assistant pass.
- `questions_tuning23.jsonl`: 110 questions written in round 11 by a writer who had not
  seen the rules, scored before any change (its header), kept out of round 11's second
  pass (on set 22) to see how far it reached questions it never saw, then worked on in
  round 12's assistant pass.
- `questions_tuning24.jsonl`: 110 questions written in round 12 by a writer who had not
  seen the rules, scored before any change (its header), kept out of round 12's pass on
  set 23 to see how far it reached questions it never saw, then worked on in round 13's
  assistant pass.
- `questions_tuning25.jsonl`: 110 questions written in round 13 by a writer who had not
  seen the rules, scored before any change (its header), kept out of round 13's pass on
  set 24 to see how far it reached questions it never saw, then worked on in round 13's
  second pass.
- `questions_tuning26.jsonl`: 110 questions written in round 13 by a writer who had not
  seen the rules, scored before any change (its header), then worked on in round 13's
  third assistant pass.
- `questions_tuning27.jsonl`: 110 questions written in round 14 by a writer who had not
  seen the rules, scored before any change (its header), then worked on in round 14's
  assistant pass.
- `questions_tuning28.jsonl`: 110 questions written in round 14 by a writer who had not
  seen the rules, scored before any change (its header), kept out of round 14's pass on
  set 27 to see how far it reached questions it never saw, then worked on after it.
- `questions_tuning29.jsonl`: 110 questions written in round 14 by a writer who had not
  seen the rules, leaning on questions easy to answer wrongly, scored before any change
  (its header), then worked on in round 14's assistant pass.
- `questions_tuning30.jsonl`: 110 questions written in round 14 by a writer who had not
  seen the rules, scored before any change (its header), then worked on in round 14's
  third assistant pass.
- `questions_tuning31.jsonl`: 110 questions written in round 15 by a writer who had not
  seen the rules (an ordinary week), scored before any change (its header), then worked
  on in round 15's assistant pass.
- `questions_tuning32.jsonl`: 110 questions written in round 15 by a writer who had not
  seen the rules (the edges of each topic), scored before any change, kept out of round
  15's pass on set 31 and scored after it (its header lines), then worked on after it.
- `questions_tuning33.jsonl`, `questions_tuning34.jsonl`: 110 questions each, written in
  round 16 by two writers who had not seen the rules (an ordinary month; questions easy
  to answer wrongly), scored before any change (their headers); worked on in round 16's
  assistant passes.
- `questions_tuning35.jsonl`, `questions_tuning36.jsonl`: 110 questions each, written in
  round 17 by two writers who had not seen the rules (an ordinary month; everyday
  wording), scored before any change (their headers); set 35 worked on in round 17's
  assistant pass, set 36 kept out of it to measure its reach, then worked on in round 18.
- `questions_tuning37.jsonl`, `questions_tuning38.jsonl`: 110 questions each, written in
  round 18 by two writers who had not seen the rules (situations described, not named; a
  mixed fortnight), scored before any change (their headers); set 37 worked on in round
  18's assistant passes, set 38 kept out of them to measure their reach, then worked on in
  round 19.
- `questions_tuning39.jsonl`: 110 questions written in round 19 by a writer who had not
  seen the rules (questions told as stories, often in a crime report's words), scored
  before any change (its header); worked on in round 19's assistant passes.
- `questions_tuning40.jsonl`: 100 questions written in round 21 by a writer who had not
  seen the rules (landlords, relatives, a procedure beside a worry, two things asked),
  scored before round 21's second passes (its header); worked on in them.
- `questions_tuning41.jsonl`: 100 questions written in round 22 by a writer who had not
  seen the rules (the same brief), scored before any change (its header); round 22's dev
  set (`KEPT_OUT`): its counts only were shown to the round's passes; worked on from round 23.
- `questions_tuning42.jsonl`: 100 questions written in round 23 by a writer who had not
  seen the rules (blind set 27's brief), scored before any change (its header); round 23's
  dev set (`KEPT_OUT`), like its messages; worked on from round 24.
- `questions_tuning43.jsonl`: 100 questions written in round 24 by a writer who had not
  seen the rules (blind set 27's brief), scored before any change (its header); round 24's
  dev set (`KEPT_OUT`), like its messages; worked on from round 25.
- `questions_tuning44.jsonl`: 100 questions written in round 25 by a writer who had not
  seen the rules (blind set 27's brief), scored before any change (its header); round 25's
  dev set (`KEPT_OUT`), like its messages; worked on from round 26.
- `questions_tuning45.jsonl`: 100 questions written in round 26 by a writer who had not
  seen the rules (blind set 27's brief), scored before any change (its header); round 26's
  dev set (`KEPT_OUT`), like its messages; worked on from round 27.
- `questions_tuning46.jsonl`: 100 questions written in round 27 by a writer who had not
  seen the rules (blind set 27's brief), scored before any change (its header); round 27's
  dev set (`KEPT_OUT`), like its messages; worked on from round 28.
- `questions_tuning47.jsonl`: 100 questions written in round 28 by a writer who had not
  seen the rules (blind set 27's brief), scored before any change (its header); round 28's
  dev set (`KEPT_OUT`), like its messages; worked on from round 29.
- `questions_tuning48.jsonl`: 100 questions written in round 32 by a writer who had not
  seen the rules (tests/writers_brief.md), scored before any change (its header); round 32's
  dev set (`KEPT_OUT`), like its messages; worked on from round 33.
- `questions_tuning49.jsonl`: 100 questions written in round 33 by a writer who had not
  seen the rules (tests/writers_brief.md), scored before any change (its header); round 33's
  dev set (`KEPT_OUT`), like its messages; worked on from round 34.
- `questions_tuning50.jsonl`: 100 questions written in round 34 by a writer who had not
  seen the rules (tests/writers_brief.md), scored before any change (its header); round 34's
  dev set (`KEPT_OUT`), like its messages; worked on from round 35.
- `questions_tuning51.jsonl`: 100 questions written in round 35 by a writer who had not
  seen the rules (tests/writers_brief.md), scored before any change (its header); round 35's
  dev set (`KEPT_OUT`), like its messages; worked on from round 36.
- `questions_tuning52.jsonl`: 100 questions written in round 36 by a writer who had not
  seen the rules (tests/writers_brief.md), scored before any change (its header); round 36's
  dev set (`KEPT_OUT`), like its messages.

Messages alone (`MESSAGE_SETS`, no questions file):

- `messages_tuning6.jsonl`: 220 messages (160 tips, 60 others) written in round 10 by a
  writer who had not seen the rules, scored before any change (its header); worked on in
  round 10's classifier pass.
- `messages_tuning7.jsonl`: 220 messages written in round 11 by a writer who had not seen
  the rules, scored before any change (its header); worked on in round 11's classifier
  pass.
- `messages_tuning8.jsonl`: 220 messages written in round 12 by a writer who had not seen
  the rules, scored before any change (its header); worked on in round 12's classifier
  pass.
- `messages_tuning9.jsonl`: 220 messages written in round 13 by a writer who had not seen
  the rules, scored before any change (its header); worked on in round 13's classifier
  pass.
- `messages_tuning10.jsonl`: 220 messages written in round 13 by a writer who had not seen
  the rules, scored before any change (its header); worked on in round 13's second
  classifier pass.
- `messages_tuning13.jsonl`: 220 messages written in round 14 by a writer who had not seen
  the rules, leaning on the border between tips and chat, questions or ads, scored before
  any change (its header); worked on in round 14's classifier pass on kinds.
- `messages_tuning11.jsonl`: 220 messages written in round 14 by a writer who had not seen
  the rules, scored before any change (its header); worked on in round 14's classifier
  pass.
- `messages_tuning12.jsonl`: 220 messages written in round 14 by another writer who had not
  seen the rules, kept out of the pass on set 11 and scored before and after it (its
  header); then worked on in the same pass.
- `messages_tuning14.jsonl`: 220 messages written in round 15 by a writer who had not seen
  the rules, leaning on the borders between categories, scored before any change (its
  header); worked on in round 15's classifier pass.
- `messages_tuning15.jsonl`: 220 messages written in round 15 by another writer who had not
  seen the rules (an ordinary day's inbox), kept out of the pass on set 14 and scored before
  and after it (its header); then worked on in the same pass.
- `messages_tuning16.jsonl`: 220 messages written in round 15 by a writer who had not seen
  the rules, leaning on the border between ads and citizens reporting such ads, short tips
  with no crime word and alarming chat, scored before any change (its header); worked on
  in round 15's classifier pass on kinds and ads.
- `messages_tuning17.jsonl`, `messages_tuning18.jsonl`, `messages_tuning19.jsonl`: 220
  messages each, written in round 16 by three writers who had not seen the rules (an
  ordinary week's inbox; the borders between kinds; categories and urgency at their
  edges), scored before any change (their headers); worked on in round 16's classifier
  passes.
- `messages_tuning20.jsonl`: 220 messages written in round 17 by a writer who had not
  seen the rules (a busy week), scored before any change (its header); worked on in
  round 17's classifier pass.
- `messages_tuning21.jsonl`: 220 messages written in round 18 by a writer who had not
  seen the rules (at the edges of kind and urgency), scored before any change (its
  header); worked on in round 18's classifier pass.
- `messages_tuning22.jsonl`, `messages_tuning23.jsonl`: 220 messages each, written in round
  19 by two writers who had not seen the rules (the borders between categories and the
  right urgency; an ordinary fortnight's inbox), scored before any change (their headers);
  worked on in round 19's classifier passes.
- `messages_tuning40.jsonl`: 200 messages written in round 21 by a writer who had not seen
  the rules (tips that also ask something; chat near a police subject), scored before round
  21's second passes (its header); worked on in them. Numbered with its questions' set.
- `messages_tuning41.jsonl`: 200 messages written in round 22 by a writer who had not seen
  the rules (the same brief), scored before any change (its header); round 22's dev set
  (`KEPT_OUT`), like its questions; worked on from round 23.
- `messages_tuning42.jsonl`: 200 messages written in round 23 by a writer who had not seen
  the rules (blind set 27's brief), scored before any change (its header); round 23's dev
  set (`KEPT_OUT`), like its questions; worked on from round 24.
- `messages_tuning43.jsonl`: 200 messages written in round 24 by a writer who had not seen
  the rules (blind set 27's brief), scored before any change (its header); round 24's dev
  set (`KEPT_OUT`), like its questions; worked on from round 25.
- `messages_tuning44.jsonl`: 200 messages written in round 25 by a writer who had not seen
  the rules (blind set 27's brief), scored before any change (its header); round 25's dev
  set (`KEPT_OUT`), like its questions; worked on from round 26.
- `messages_tuning45.jsonl`: 200 messages written in round 26 by a writer who had not seen
  the rules (blind set 27's brief), scored before any change (its header); round 26's dev
  set (`KEPT_OUT`), like its questions; worked on from round 27.
- `messages_tuning46.jsonl`: 200 messages written in round 27 by a writer who had not seen
  the rules (blind set 27's brief), scored before any change (its header); round 27's dev
  set (`KEPT_OUT`), like its questions; worked on from round 28.
- `messages_tuning47.jsonl`: 200 messages written in round 28 by a writer who had not seen
  the rules (blind set 27's brief), scored before any change (its header); round 28's dev
  set (`KEPT_OUT`), like its questions; worked on from round 29.
- `messages_tuning48.jsonl`: 200 messages written in round 32 by a writer who had not seen
  the rules (tests/writers_brief.md), scored before any change (its header); round 32's dev
  set (`KEPT_OUT`), like its questions; worked on from round 33.
- `messages_tuning49.jsonl`: 200 messages written in round 33 by a writer who had not seen
  the rules (tests/writers_brief.md), scored before any change (its header); round 33's dev
  set (`KEPT_OUT`), like its questions; worked on from round 34.
- `messages_tuning50.jsonl`: 200 messages written in round 34 by a writer who had not seen
  the rules (tests/writers_brief.md), scored before any change (its header); round 34's dev
  set (`KEPT_OUT`), like its questions; worked on from round 35.
- `messages_tuning51.jsonl`: 200 messages written in round 35 by a writer who had not seen
  the rules (tests/writers_brief.md), scored before any change (its header); round 35's dev
  set (`KEPT_OUT`), like its questions; worked on from round 36.
- `messages_tuning52.jsonl`: 200 messages written in round 36 by a writer who had not seen
  the rules (tests/writers_brief.md), scored before any change (its header); round 36's dev
  set (`KEPT_OUT`), like its questions.

Message labels (`expect`): `kind`; for tips `category` (a name, or a list of
names when the message honestly fits several) and `severity`; `danger: true`
marks a person in danger (never "normal"), `calm: true` a clearly non-urgent
tip (never "urgent"); `spam: true` advertising sent to the line.

Question labels (`expect.answer`): `topic` with `topics` (every procedure the
question asks about), optional `sections` (parts that must be answered) and
`never` (topics whose facts would be wrong here); `out_of_scope` with the
`service` the citizen is pointed to; `clarify` with the `topics` offered as
buttons; `handoff`. `never_say`: phrases an answer must not contain (a
citizens' deadline given to a foreigner's host, residence law cited for a
driving licence).

Run `python -m tests.understanding` for the scores of every set (the misses of the
sets worked on only; `--blind-misses` shows the blind sets' too, for the report).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).parent / "fixtures"
SETS = (
    "blind",
    "blind2",
    "blind3",
    "blind4",
    "blind5",
    "blind6",
    "blind7",
    "blind8",
    "blind9",
    "blind10",
    "blind11",
    "blind12",
    "blind13",
    "blind14",
    "blind15",
    "blind16",
    "blind17",
    "blind18",
    "blind19",
    "blind20",
    "blind21",
    "blind22",
    "blind23",
    "blind24",
    "blind25",
    "blind26",
    "blind27",
    "blind28",
    "blind29",
    "blind30",
    "blind31",
    "blind32",
    "blind33",
    "blind34",
    "blind35",
    "blind36",
    "blind37",
    "tuning",
    "tuning4",
    "tuning5",
)
# Tuning sets of questions alone (no messages file): scored and trained on like the
# questions of a pair.
QUESTION_SETS = (
    "tuning11",
    "tuning12",
    "tuning13",
    "tuning14",
    "tuning15",
    "tuning16",
    "tuning17",
    "tuning18",
    "tuning19",
    "tuning20",
    "tuning21",
    "tuning22",
    "tuning23",
    "tuning24",
    "tuning25",
    "tuning26",
    "tuning27",
    "tuning28",
    "tuning29",
    "tuning30",
    "tuning31",
    "tuning32",
    "tuning33",
    "tuning34",
    "tuning35",
    "tuning36",
    "tuning37",
    "tuning38",
    "tuning39",
    "tuning40",
    "tuning41",
    "tuning42",
    "tuning43",
    "tuning44",
    "tuning45",
    "tuning46",
    "tuning47",
    "tuning48",
    "tuning49",
    "tuning50",
    "tuning51",
    "tuning52",
)
# Tuning sets of messages alone (no questions file): scored and trained on like the
# messages of a pair.
MESSAGE_SETS = (
    "tuning6",
    "tuning7",
    "tuning8",
    "tuning9",
    "tuning10",
    "tuning11",
    "tuning12",
    "tuning13",
    "tuning14",
    "tuning15",
    "tuning16",
    "tuning17",
    "tuning18",
    "tuning19",
    "tuning20",
    "tuning21",
    "tuning22",
    "tuning23",
    "tuning40",
    "tuning41",
    "tuning42",
    "tuning43",
    "tuning44",
    "tuning45",
    "tuning46",
    "tuning47",
    "tuning48",
    "tuning49",
    "tuning50",
    "tuning51",
    "tuning52",
)
# Never worked on: their misses are shown only when asked.
BLIND = (
    "blind",
    "blind11",
    "blind12",
    "blind13",
    "blind14",
    "blind15",
    "blind16",
    "blind17",
    "blind18",
    "blind19",
    "blind20",
    "blind21",
    "blind22",
    "blind23",
    "blind24",
    "blind25",
    "blind26",
    "blind27",
    "blind28",
    "blind29",
    "blind30",
    "blind31",
    "blind32",
    "blind33",
    "blind34",
    "blind35",
    "blind36",
    "blind37",
)
# Question sets kept out of the round's assistant pass, to measure how far it reaches
# questions it never saw: shown like the blind sets. Round 10: set 19 was kept out of the
# passes on sets 17 and 18, then worked on in the third; set 20 was kept out of all three,
# then worked on in the fourth; set 21 was kept out of all four, then worked on in round 11,
# whose first pass set 22 was kept out of, then worked on in its second, which set 23
# was kept out of, then worked on in round 12's pass, which set 24 was kept out of, then
# worked on in round 13's pass, which set 25 was kept out of, then worked on in round 13's
# second pass, which blind set 17 measures. Round 17: set 36 kept out of the pass on set 35,
# then worked on in round 18, whose passes set 38 was kept out of, then worked on in
# round 19 (whose reach blind set 23 measures). Round 22: pair 41 (its messages too), written
# at the round's start by two writers who had not seen the rules, kept out of every pass as
# its dev set: the passes see its counts only, to tell whether a rule reaches a writer it
# was not tuned on; worked on from round 23, whose dev set is pair 42, written alike (worked
# on from round 24, whose dev set is pair 43, worked on from round 25, whose dev set is
# pair 44, worked on from round 26, whose dev set is pair 45, worked on from round 27, whose
# dev set is pair 46, worked on from round 28, whose dev set is pair 47, worked on from
# round 29). Round 29 wrote no new pair: its time went to the model's training and the
# classifier's cost, and the twenty-three blind sets pooled measure its reach; nor did rounds
# 30 and 31. Round 32 wrote blind pair 33 and dev pair 48 (the writers' brief written anew,
# kept in tests/writers_brief.md): pair 48 is kept out of round 32's passes, worked on from
# round 33 (untaught to the model, like every pair since 17), whose dev pair 49, written at
# its start, is kept out of its passes (worked on from round 34, whose dev pair 50, written
# at its start, is kept out of its passes; worked on from round 35, whose dev pair 51,
# written at its start, is kept out of its passes; worked on from round 36, whose dev pair
# 52, written at its start, is kept out of its passes).
KEPT_OUT: tuple[str, ...] = ("tuning52",)
# Question sets worked on but not taught to the learned second opinion: held out on the
# fifteen earlier training sets, the model trained on sets 17 and 18 too read kinds 93.3 ->
# 93.1 % and recognised 7 fewer ads (133 -> 126 of 241); trained on 17-19, it scored
# kept-out set 20 the same and set 21 one lower, and tuning set 6's messages no better.
# Set 20, worked on last, is left out alike, and so are sets 21 and 22 (round 11's passes)
# and set 23 (round 12's), and sets 24, 25 and 26 (round 13's), and sets 27 to 30 (round
# 14's), and sets 31 and 32 (round 15's), and sets 33 and 34 (round 16's), and sets 35
# and 36 (round 17's), and sets 37 and 38 (round 18's), and set 39 (round 19's), and set
# 40 (round 21's), and set 41 (round 22's dev set), and set 42 (round 23's), and set 43
# (round 24's), and set 44 (round 25's), and set 45 (round 26's), and set 46 (round 27's),
# and set 47 (round 28's), and set 48 (round 32's dev set), and set 49 (round 33's), and set
# 50 (round 34's), and set 51 (round 35's), and set 52 (round 36's).
UNTRAINED: tuple[str, ...] = (
    "tuning17",
    "tuning18",
    "tuning19",
    "tuning20",
    "tuning21",
    "tuning22",
    "tuning23",
    "tuning24",
    "tuning25",
    "tuning26",
    "tuning27",
    "tuning28",
    "tuning29",
    "tuning30",
    "tuning31",
    "tuning32",
    "tuning33",
    "tuning34",
    "tuning35",
    "tuning36",
    "tuning37",
    "tuning38",
    "tuning39",
    "tuning40",
    "tuning41",
    "tuning42",
    "tuning43",
    "tuning44",
    "tuning45",
    "tuning46",
    "tuning47",
    "tuning48",
    "tuning49",
    "tuning50",
    "tuning51",
    "tuning52",
)
# Message sets worked on but not taught to the learned second opinion. Round 10's set 6
# taught every head, held out on the fifteen earlier training sets: one more person in
# danger rated normal (40 -> 41); round 11's set 7 alike, a small gain held out but, retrained,
# "tui no chay xe khoi hem roi" read as a fire again and a question answered wrong: sets 6
# to 13 were left untaught. Round 15 (bench/README.md) measured all eight, each left out in
# turn (scripts/heldout_message_sets.py, 1,760 messages) and on the training-only sets
# (scripts/heldout_opinion.py): taught every head, people in danger rated normal 0 -> 1
# and 28 -> 32; taught kind, category and ads too, urgency -1 and an ad lost, and retrained
# six questions answered wrong and a blind set's urgency lower. Taught the category alone
# (`HEADS_TAUGHT`), the rest of the model is unchanged (its words are fitted on the kinds'
# texts): category 1,206 -> 1,214 of 1,267 left out in turn, 85.0 -> 86.3 % held out, a
# fresh set 133 -> 135 of 150, nothing else moved. Sets written later start here until
# measured alike (round 15's sets 14, 15 and 16, round 16's 17, 18 and 19, round 17's 20,
# round 18's 21, round 19's 22 and 23, round 21's 40, round 22's 41, round 23's 42, round
# 24's 43, round 25's 44, round 26's 45, round 27's 46, round 28's 47, round 32's 48, round
# 33's 49, round 34's 50, round 35's 51, round 36's 52).
# Round 23 measured 14-23, 40 and 41 on its rules (scripts/heldout_heads_sweep.py): each
# left out in turn (2,600 messages, 1,786 tips; today's model: category 1,700, urgency
# 1,748, calm tips urgent 3, danger normal 0, ads 160 of 168), taught the category 1,695,
# the ads nothing moved (at 0.85 and 0.9), the urgency 1,748 (raise from 0.45: calm 2,
# danger 0); on the fifteen training-only sets held out in turn (2,588 tips), taught the
# urgency and raised from 0.45: urgency 2,450 -> 2,462, calm tips urgent 28 -> 18, danger
# normal 29 -> 27 (0.5: 2,456, 18, 30). Retrained so, sets 6-13 (urgency not taught) lost
# 2 of 1,267, dev set 42 did not move, and four of the line's danger tests failed: the
# learned urgency lowers "ba toi uong thuoc sau, mat tim tai roi" (0.09, under 0.12), a
# trembling speechless old stranger and a child not back from school to normal (lowering
# below 0.05 instead fails others). Once the rules kept those, their urgency alone is
# taught (`URGENCY_TAUGHT`); they stay here, untaught every other head, and the held-out
# tools leave them out of the model they start from.
UNTRAINED_MESSAGES: tuple[str, ...] = (
    "tuning14",
    "tuning15",
    "tuning16",
    "tuning17",
    "tuning18",
    "tuning19",
    "tuning20",
    "tuning21",
    "tuning22",
    "tuning23",
    "tuning40",
    "tuning41",
    "tuning42",
    "tuning43",
    "tuning44",
    "tuning45",
    "tuning46",
    "tuning47",
    "tuning48",
    "tuning49",
    "tuning50",
    "tuning51",
    "tuning52",
)
# Message sets of `UNTRAINED_MESSAGES` the shipped model is taught the urgency of, and
# nothing else (round 23): held out by set (scripts/heldout_heads_sweep.py, each set left out
# in turn; the training-only sets each left out), taught the urgency head with the model's
# `raise_from` at 0.45, the training-only sets' urgency 2,450 -> 2,462 of 2,588, calm tips
# rated urgent 28 -> 18, people in danger rated normal 29 -> 27; left out in turn, calm 3 -> 2,
# no person in danger lost. Retrained, three dangers the rules read in few words were lowered
# (a poison swallowed, a stranger who cannot answer, a child not back): the rules keep them
# (classify.yaml `kept`, child_in_danger). The held-out tools still leave these sets out of the
# model they start from (`train_text_model.training_files(shipped=False)`). Round 24: set 42
# (round 23's dev set) joins them: held out by set with the others taught (heldout_heads_sweep,
# raise_from 0.45), all sets' urgency 1,878 -> 1,879, calm tips urgent 7 -> 4; retrained, dev
# set 43 urgency 138 -> 139, tuning 41 -1; the rules keep an offender hiding close by now and
# never let an explosion only feared be raised (classify.yaml `kept`, `not_urgent`). Round 25:
# set 43 (round 24's dev set) joins them: held out by set, the others taught, all sets' urgency
# 2,018 -> 2,021 of 2,068, calm tips urgent 6 -> 3, set 43 itself 138 -> 139; retrained, a
# calm tip of blind 27 is no longer urgent (pooled 4 -> 3), tuning 11 and 41 +1, tuning 12 -1
# (mt12-108), dev set 44 unmoved; the rules keep a child vomiting on now after a crash
# (`kept`: "cứ nôn ói"), which the retrain lowered. Round 26: set 44 (round 25's dev set)
# joins them: held out by set, the others taught, all sets' urgency 2,155 -> 2,159 of 2,206,
# calm tips urgent 6 -> 3, set 44 itself 137 -> 137.
URGENCY_TAUGHT: tuple[str, ...] = tuple(f"tuning{n}" for n in (*range(14, 24), 40, 41, 42, 43, 44))
# Labelled messages written only to teach the learned second opinion (scripts/
# train_text_model.py): never scored and never tuned against, so no rule is written to
# fit them. 11a-f, 11h, 11i, 12a-d, 13a-b and 14a by writers who had not seen the rules; 11g by the
# lead, as fresh phrasings of principles the issue names (its header says so).
TRAINING = (
    "train11a",
    "train11b",
    "train11c",
    "train11d",
    "train11e",
    "train11f",
    "train11g",
    "train11h",
    "train11i",
    "train12a",
    "train12b",
    "train12c",
    "train12d",
    "train13a",
    "train13b",
    "train14a",
)
# Sets that teach some heads only (every other set teaches all four: kind, category,
# severity, spam): 12c (ads beside real tips about the same things, fraud- and
# betting-heavy) advertising, 12d (danger now beside the same events over, mostly
# category "other") urgency; their other labels would pull the kinds and categories
# toward what they were written to contrast. 13a and 13b were written for the kind and
# category boundaries; held out, their urgency labels (a crime in progress is urgent,
# whoever is in danger) raise the people in danger rated normal on the other sets 42 -> 47.
# 14a likewise: teaching urgency too, held out it rated one more person in danger normal.
HEADS_TAUGHT = {
    "train12c": ("spam",),
    "train12d": ("severity",),
    "train13a": ("kind", "category", "spam"),
    "train13b": ("kind", "category", "spam"),
    "train14a": ("kind", "category", "spam"),
    # written to tune the urgency rules; teaching the urgency head it rates the rules'
    # generated fires told calmly normal (their urgency 0.911 -> 0.897, under its gate)
    "tuning5": ("kind", "category", "spam"),
    # the message tuning sets teach the category alone: their kinds, urgency and ads, taught
    # too, rated people in danger normal, lost an ad and turned questions wrong (round 15,
    # `UNTRAINED_MESSAGES`)
    **{f"tuning{n}": ("category",) for n in range(6, 14)},
    # round 23: the urgency alone (`URGENCY_TAUGHT`)
    **{name: ("severity",) for name in URGENCY_TAUGHT},
}
TODAY = date(2026, 11, 30)


def cases(name: str) -> list[dict[str, Any]]:
    with (FIXTURES / name).open(encoding="utf-8") as f:
        # lines starting with "#" are the set's header (when written, scores measured)
        return [json.loads(line) for line in f if line.strip() and not line.startswith("#")]


def _names(value: str | list[str]) -> list[str]:
    return [value] if isinstance(value, str) else value


@dataclass
class MessageScore:
    total: int = 0
    kind_right: int = 0
    tips: int = 0
    category_right: int = 0
    severity_right: int = 0
    spam: int = 0
    spam_right: int = 0
    false_alarms: list[str] = field(default_factory=list)  # urgent on a calm tip
    danger_missed: list[str] = field(default_factory=list)  # normal on a person in danger
    misses: list[str] = field(default_factory=list)

    @property
    def kind(self) -> float:
        return self.kind_right / self.total

    @property
    def category(self) -> float:
        return self.category_right / self.tips

    @property
    def severity(self) -> float:
        return self.severity_right / self.tips

    def summary(self) -> str:
        return (
            f"kind {self.kind:.1%} ({self.kind_right}/{self.total}), "
            f"category {self.category:.1%} ({self.category_right}/{self.tips}), "
            f"urgency {self.severity:.1%} ({self.severity_right}/{self.tips}), "
            f"urgent on a calm tip {len(self.false_alarms)}, "
            f"normal on a person in danger {len(self.danger_missed)}, "
            f"spam recognised {self.spam_right}/{self.spam}"
        )


def score_messages(items: list[dict[str, Any]], classify: Callable[[str], Any]) -> MessageScore:
    score = MessageScore()
    for case in items:
        got, expect = classify(case["text"]), case["expect"]
        score.total += 1
        wrong: list[str] = []
        if got.kind == expect["kind"]:
            score.kind_right += 1
        else:
            wrong.append("kind")
        if expect.get("spam"):
            score.spam += 1
            if getattr(got, "spam", False):
                score.spam_right += 1
            else:
                wrong.append("spam")
        if expect["kind"] == "tip":
            score.tips += 1
            severity = got.severity if got.kind == "tip" else "normal"
            if got.kind == "tip" and got.category in _names(expect["category"]):
                score.category_right += 1
            else:
                wrong.append("category")
            if severity == expect["severity"]:
                score.severity_right += 1
            else:
                wrong.append("severity")
            if expect.get("calm") and severity == "urgent":
                score.false_alarms.append(case["id"])
            if expect.get("danger") and severity != "urgent":
                score.danger_missed.append(case["id"])
        if wrong:
            label = (got.kind, got.category, got.severity, list(got.reasons))
            score.misses.append(f"{case['id']} [{', '.join(wrong)}] {case['text']!r} -> {label}")
    return score


@dataclass
class QuestionScore:
    total: int = 0
    right: int = 0
    # no fact asserted, the citizen led to the answer: an officer, the service asked, or
    # the topics asked offered as buttons (`_honest`)
    honest: int = 0
    wrong: list[str] = field(default_factory=list)  # a fact given that does not apply
    misses: list[str] = field(default_factory=list)

    @property
    def right_or_honest(self) -> float:
        return (self.right + self.honest) / self.total

    def summary(self) -> str:
        return (
            f"right {self.right}/{self.total}, honestly not handled {self.honest}, "
            f"right or honest {self.right_or_honest:.1%}, wrong {len(self.wrong)}"
        )


@dataclass(frozen=True)
class Understood:
    """What the line did with a question, as the scorer sees it."""

    tip: bool
    topics: tuple[str, ...]
    sections: tuple[str, ...]
    out_of_scope: str | None
    clarify: tuple[str, ...]
    handoff: bool
    text: str


def understood(text: str, classify: Callable[[str], Any], assistant: Any) -> Understood:
    """Run a question through the line's path: classify, then the assistant."""
    from shared.core.assistant import WardContact

    verdict = classify(text)
    contact = WardContact("Công an phường Tân Sơn Nhì", None, None)
    result = assistant.answer(text, TODAY, contact, classification=verdict)
    topics = tuple(getattr(result, "topics", ()) or ((result.topic,) if result.topic else ()))
    if not topics and result.sections:
        topics = (assistant.COMMON,)  # parts of the common residence facts were given
    titles = {title: topic for topic, title in assistant.knowledge().buttons.items()}
    buttons = [b.title for reply in result.replies for b in reply.buttons]
    clarify = () if topics else tuple(titles[t] for t in buttons if t in titles)
    if len(clarify) > 3:  # every topic as a button: that is the menu, not a question back
        clarify = ()
    return Understood(
        tip=verdict.kind == "tip" or result.tip,
        topics=topics,
        sections=tuple(result.sections),
        out_of_scope=getattr(result, "out_of_scope", None),
        clarify=clarify,
        handoff=result.handoff,
        text="\n".join(reply.text for reply in result.replies),
    )


def judge(expect: dict[str, Any], got: Understood) -> str:
    """right, honest, wrong or miss."""
    said_wrong = any(p.lower() in got.text.lower() for p in expect.get("never_say", ()))
    if said_wrong or set(got.topics) & set(expect.get("never", ())):
        return "wrong"
    if got.tip and _papers_told_lost(expect, got):
        # issue 17 §4: lost papers are a tip for the ward's desk, and the citizen is told
        # how to re-issue them: no wrong fact, an officer sees it; right when the re-issue
        # was all that was asked, honest when more was (a section, another topic)
        alone = expect["topics"] == ["mat_giay_to"] and not expect.get("sections")
        return "right" if alone else "honest"
    if got.tip and _pointed_on(expect, got):
        # issue 17 §4-5: another office's paper taken in a theft, its re-issue asked: the
        # theft is received (an officer sees it) and the citizen is pointed to the office
        # asked, as "not handled here" would (`assistant.rule_for_tip`)
        return "honest"
    if got.tip:
        return "wrong"
    answer = expect["answer"]
    if answer == "topic":
        if got.topics and not set(got.topics) <= set(expect["topics"]):
            return "wrong"  # the facts of another procedure
        if set(got.topics) == set(expect["topics"]) and set(expect.get("sections", ())) <= set(
            got.sections or expect.get("sections", ())
        ):
            return "right"
    elif answer == "out_of_scope":
        if got.topics:
            return "wrong"  # residence text for what this line does not handle
        if got.out_of_scope == expect.get("service"):  # a label naming no service: honest at best
            return "right"
    elif answer == "clarify":
        if set(got.clarify) == set(expect["topics"]):
            return "right"
    elif answer == "handoff" and got.handoff:
        return "right"
    return "honest" if _honest(expect, got) else "miss"


def _papers_told_lost(expect: dict[str, Any], got: Understood) -> bool:
    """A question about lost papers read as their loss reported, followed by how to
    re-issue them (`assistant.rule_for_tip`)."""
    asked = expect["answer"] == "topic" and "mat_giay_to" in expect["topics"]
    return asked and got.topics == ("mat_giay_to",)


def _pointed_on(expect: dict[str, Any], got: Understood) -> bool:
    """Another office's matter asked, and the tip's follow-up points to it (a label
    naming no service: the pointer cannot be checked, honest at best, as `_honest`)."""
    asked = expect["answer"] == "out_of_scope"
    return (
        asked and got.out_of_scope is not None and expect.get("service") in (None, got.out_of_scope)
    )


def _honest(expect: dict[str, Any], got: Understood) -> bool:
    """No fact asserted, and the citizen led where the answer is (issue 17, "right or
    honestly not handled here"): an officer; "not handled here" pointing to the service
    asked (a label naming no service: the pointer cannot be checked, honest at best); or
    a question back whose buttons offer every topic asked. "Not handled here" said of a
    residence matter sends the citizen away from the answer this line holds, and a
    pointer to another service than the one asked sends them to the wrong office: neither
    is honest."""
    if got.topics:
        return False
    if got.handoff:
        return True
    answer = expect["answer"]
    if got.out_of_scope:
        return answer == "out_of_scope" and expect.get("service") in (None, got.out_of_scope)
    if answer in ("topic", "clarify") and got.clarify:
        return set(expect["topics"]) <= set(got.clarify)
    return False


def score_questions(
    items: list[dict[str, Any]], classify: Callable[[str], Any], assistant: Any
) -> QuestionScore:
    score = QuestionScore()
    for case in items:
        got = understood(case["text"], classify, assistant)
        verdict = judge(case["expect"], got)
        score.total += 1
        seen = (
            f"tip={got.tip} topics={list(got.topics)} sections={list(got.sections)} "
            f"out_of_scope={got.out_of_scope} clarify={list(got.clarify)} handoff={got.handoff}"
        )
        line = f"{case['id']} [{verdict}] {case['text']!r} -> {seen}"
        if verdict == "right":
            score.right += 1
        elif verdict == "honest":
            score.honest += 1
            score.misses.append(line)
        elif verdict == "wrong":
            score.wrong.append(line)
        else:
            score.misses.append(line)
    return score


def main(argv: list[str] | None = None) -> None:
    """Scores of every set; the misses of the sets worked on only, unless asked
    for (`--blind-misses`): a blind set is measured, never worked on."""
    import sys

    from shared.core import assistant
    from shared.core.classify import classify

    show_blind = "--blind-misses" in (sys.argv[1:] if argv is None else argv)
    for which in SETS:
        messages = score_messages(cases(f"messages_{which}.jsonl"), classify)
        questions = score_questions(cases(f"questions_{which}.jsonl"), classify, assistant)
        details = which not in BLIND or show_blind
        print(f"== {which}: messages: {messages.summary()}")
        for miss in messages.misses if details else ():
            print("   ", miss)
        print(f"== {which}: questions: {questions.summary()}")
        for miss in questions.wrong + questions.misses if details else ():
            print("   ", miss)
    for which in MESSAGE_SETS:
        messages = score_messages(cases(f"messages_{which}.jsonl"), classify)
        print(f"== {which}: messages: {messages.summary()}")
        for miss in messages.misses if which not in KEPT_OUT or show_blind else ():
            print("   ", miss)
    for which in QUESTION_SETS:
        questions = score_questions(cases(f"questions_{which}.jsonl"), classify, assistant)
        print(f"== {which}: questions: {questions.summary()}")
        for miss in (
            questions.wrong + questions.misses if which not in KEPT_OUT or show_blind else ()
        ):
            print("   ", miss)


if __name__ == "__main__":
    main()
