"""The same message written the way another citizen would write it is read alike
(issue 17, round 18): no marks, teencode, lower case without punctuation, a letter held
down, "tr" typed "ch". scripts/writing_variants.py measures it on the tuning sets; the
floors below were measured when the fixes of round 18 were made, and hold like the sets'
held values. All phrasings here are this file's own."""

from __future__ import annotations

from typing import Any

import pytest

from shared.core import assistant
from shared.core.classify import classify
from shared.core.text import canonical, undoubled, words
from tests.scripts import load_script
from tests.understanding import understood

variants = load_script("writing_variants")

# Per variant kind, the most items whose original is read right and whose variant is
# read wrong, per head (kind, a tip lost to chat or a question, category, urgency, a
# question's verdict no longer right, a question answered wrong). Before round 18's fixes:
# no-marks categories 66 and tips lost 7, teencode questions 21, doubled letter questions
# 464 and tips lost 11, tr->ch questions 241, lower case without punctuation questions 11
# and 12 answered wrong (scripts/writing_variants.py at e10f9db). Measured again with round
# 18's other passes merged (more originals read right, so more to break: +1 to +11 a head).
# Round 19: message tuning sets 22 and 23 and question set 39 joined the sets measured (more
# originals, more to break); measured again with all of round 19's passes merged: each head at
# or within a few of the passes' own (originals newly read right whose variants still break:
# msg-19b's mt22-161, mt22-166; msg-19c's lower-cased names called; asst-19a's qt39-62).
# Round 20 (asst-20): "án cheo" read as "án treo" (tr typed ch) and the pass's other rules: tr->ch
# category 83 -> 82, questions 100 -> 95, answered wrong 35 -> 32; lower case without
# punctuation answered wrong 4 -> 3; a letter dropped answered wrong 151 -> 150, its questions
# 476 -> 477 (qt39-103, newly right, whose variant "viện dưng lão" still reads no care home).
# Round 20 (msg-20's pass on kind): typo-dropped kind 45 -> 46, an ad newly read as one
# (mt12-199) whose variant drops a letter of the ad's own words ("giao nhnh"). Both passes
# merged: no-marks and teencode without marks each one question fewer broken (right, and
# not answered wrong).
# Round 21 (cat-21): originals newly read right whose variants still break. tr->ch category
# 82 -> 84 (waste dumped on the sly, mt15-157 and mt22-155, typed "đổ chộm") and urgency 30 -> 32
# (a coach stopping for fares, mt6-216, typed "chả khách"; mt22-134, "tuần trước" typed "tuần
# chuốc", its boy now a child named); no-marks and teencode-no-marks urgency 40 -> 41 (mt19-51, a
# gun in a picture posted: "dang hinh" folds onto "đang", now). typo-dropped category: m5-70 newly
# right, m5-65 newly kept, one for one.
# Round 21 (msg-21's pass on kind): typo-dropped kind 46 -> 47: a headline newly read as news
# passed on (mt13-170) whose variant drops a letter of the paper's name ("VnExress") counts as
# broken, and a procedure asked of friends whose variant loses the procedure's word ("phat
# ngoi", mt15-72) is now chat to the group called rather than a question; one fewer broken
# (mt20-188, the group called while testing the line). Lower case without punctuation kind
# 10 -> 11: an errand to someone called by name (mt20-144), newly read as one, is called by
# a capitalised name, which lower case takes away.
# Round 21 (asst-21): a letter dropped answered wrong 150 -> 149; a nation after a person
# word typed without marks is read as with them ("khach phap"), so set 38's newly right
# qt38-69 breaks no more unmarked.
# Round 21, the three passes merged and measured once: tr->ch kind 82 -> 81, category 84 -> 83.
# Round 21, tuning pair 40 added (scored before its passes): its originals read right whose
# variants break are counted too, every row measured again.
# Round 21 (msg-21b): a letter doubled kind 14 -> 15, a letter dropped kind 52 -> 54: two
# forwarded notices of set 40 newly read as passed on (mt40-1, mt40-23) are so by their
# header, which a typo in it ("Chuển tiếp", "Forwrded") hides; nothing read right before breaks.
# Round 21 (cat-21b): no-marks and teencode-no-marks category 74 -> 71 and 79 -> 76 (tuning
# 40's unmarked originals newly right read the same without marks); tr->ch category 86 -> 87
# (mt40-55, someone alone called to, nobody answering, newly right: "trả lời" typed "chả lời").
# Round 21's second assistant pass (asst-21b): a guest come over from a nation written with
# its marks ("bạn em bên Đức qua chơi") names a foreigner; typed without marks "duc" is also
# a name or "đục", so qt40-77, newly right, stays answered as before unmarked: question
# 17 -> 18, question-wrong 19 -> 20 (that variant was wrong before the pass too); likewise
# teencode-no-marks 19 -> 20, 20 -> 21. The pass's other originals newly right (set 40's
# and qt38-97) bring variants of theirs still read as before: typo-doubled question 72 -> 73,
# typo-dropped 484 -> 493 and 149 -> 152, tr->ch 95 -> 97 and 32 -> 33. Compared variant by
# variant with lead-21, no original right before breaks under any variant it did not.
# Round 22 (cat-22): a street race is traffic and the one harmed told safe now is over, so
# variants that broke read right (no-marks and teencode-no-marks category 71 -> 69 and 76 -> 74,
# urgency 43 -> 42; a letter dropped urgency 36 -> 35; tr->ch category 87 -> 85); lower case
# without punctuation urgency 1 -> 2: mt40-18, newly right ("chuyện chiều nay, giờ nó về nhà
# rồi"), whose variant runs "chieu nay gio" together, which folds onto "nãy giờ" (still now).
# Compared variant by variant with lead-22, nothing else read right before breaks.
# Round 22 (asst-22): one settled abroad of unsaid nationality is asked which stay applies, so
# qt19-104 with "hộ chiếu" typed "hộ chếu" (the passport unread) is asked back instead of
# answered with the citizens' tạm trú: typo-dropped question-wrong 152 -> 151.
# Round 22 (msg-22): an everyday question (nothing of a public office, a procedure or the law
# named) is chat. Talk to the line whose words a variant hides (a complaint typed "chả lời",
# "có ai chực ko", "đây là chang gì") was a question and is now chat, as labelled: tr->ch kind
# 85 -> 73, a letter dropped 54 -> 51. A procedure named only by a foreign word with a letter
# held down ("lam passportt o dau", mt7-95) is read as an everyday question: typo-doubled kind
# 15 -> 16; its assistant's answer does not change (the assistant reads the question itself).
# A house for sale newly read as an ad (mt40-11) whose variant drops a letter of the ad's own
# words ("thung luong"): a letter dropped kind 51 -> 52.
# Round 22, every pass merged and measured once: the scorer counts lost papers read as reported
# and the re-issue told as no wrong answer (issue 17 §4), so variants of such questions no longer
# break: no-marks question-wrong 20 -> 17, teencode 4 -> 3 and 4 -> 3, teencode-no-marks 21 -> 18,
# lower case without punctuation 3 -> 2, tr->ch 97 -> 96 and 33 -> 31.
# Round 23: pair 41 (round 22's dev set) is a tuning set now and joins the sets measured: its
# originals read right whose variants break are counted, every row measured again (no rule
# changed; tr->ch kind 73 -> 81 and category 85 -> 93 the most).
# Round 23 (msg-23): originals newly read right whose variants read as before: thanks with the
# trouble back since (mt41-10, "karaoke" typed "karaokee" or "karoke" unread: typo-doubled kind,
# tip-lost, category 17 -> 18, 8 -> 9, 19 -> 20; a letter dropped 53 -> 54, 16 -> 17, 40 -> 41);
# a phish's web address, whose dot lower case without punctuation drops (mt40-182: 16 -> 17);
# news of the police seen asked, "chuyện" typed "chuen" (mt40-81, mt41-84: a letter dropped
# kind 54 -> 56); a police office as a landmark typed "chu so" (mt41-15). The web address makes
# ads of four phishes whose tr->ch variants were tips: tr->ch kind 81 -> 78. Compared variant
# by variant with lead-23, nothing read right before breaks.
# Round 23 (asst-23): a residence paper asked as another office's requirement is that
# office's, so qt41-14, newly right, breaks typed "hộ chếu" (the passport unread, the book's
# registration answered as before): typo-dropped question 499 -> 500, question-wrong 153 -> 154.
# Round 23 (asst-23): a part asked of nothing asks which procedure, so qt21-92 and qt37-101,
# newly right, break with the part's word typed long ("nhieuu", "onlinee": the menu, no fact):
# typo-doubled question 74 -> 76; variants given the common facts against a label naming
# procedures are asked which instead: question-wrong 16 -> 15, typo-dropped 154 -> 148.
# Round 23, msg-23 and asst-23 merged and measured once: typo-dropped question 500 -> 499.
# Round 23: the model taught message sets 14-23, 40 and 41's urgency (their texts are among
# those varied, so their variants read as the originals more often): urgency breaks fall
# (a letter dropped 36 -> 13, tr->ch 33 -> 18, doubled 12 -> 2), teencode without marks
# 44 -> 45 (one more original read right whose variant reads as before).
# Round 24: pair 42 (round 23's dev set) is a tuning set now and joins the sets measured, every
# row measured again before any rule changed (no-marks kind 15 -> 21, teencode without marks
# 16 -> 22, a letter dropped question 499 -> 516 the most).
# Round 24 (cat-24): originals newly read right whose variants still break: a bag wrested from
# someone pushed over is a robbery (mt41-173), "ginh" (giành) unread: typo-dropped category
# 41 -> 42; a fire beats the arson told beside it only typed with marks (mt20-36 unmarked) and a
# lorry named is no traffic tip (mt41-55, unmarked read traffic by the model): no-marks 75 -> 76,
# teencode without marks 82 -> 83 (each also one fewer: mt13-95, a card den's din); "trăm bình
# gas" typed "chăm" (mt20-101): tr->ch category 94 -> 95. A weapons cache found hidden is no
# danger now (mt42-163, newly right), its unmarked "giau trong bui co" unread: no-marks urgency
# 43 -> 44, teencode without marks 45 -> 46.
# Round 24 (kind-24): originals newly read right whose variants read as before. A check asked of
# the police beside a fire feared (mt40-143) is a tip now, its request typed "kiem cha" unread:
# tr->ch kind, tip-lost, category 80 -> 81, 46 -> 47, 94 -> 95. What to do asked after a drug
# kit found (mt41-92) is a tip now, drugs by the model with marks (0.60, at its threshold): its
# variants are tips too, of the weak category read (theft): no-marks, teencode-no-marks,
# typo-doubled, typo-dropped and tr->ch category 75 -> 76, 82 -> 83, 20 -> 21, 41 -> 42,
# 95 -> 96. Compared variant by variant with lead-24, nothing read right before breaks.
# Round 24, cat-24 and kind-24 merged and measured once (each one's breaks summed; tr->ch
# category 97); a theft's pointer to the office asked counted honest: question-wrong, a letter
# dropped 153 -> 152, tr->ch 32 -> 31.
# Round 24 (asst-24): two questions written apart are read apart by their question marks, a
# semicolon or a list's numbers, which lower case without punctuation takes away: qt42-59, newly
# right, is read as one question there as before (lower-no-punct question 3 -> 4).
# Round 24 (asst-24): a party refusing what the registration needs is an officer's, so qt42-94
# and qt42-96, newly right, break with a letter of the refusal dropped ("khng đồng ý", "chịu
# chuển đi": answered as before): typo-dropped question 516 -> 518.
# Round 24 (msg-24): a match cheered in a weapon's words is chat; mt40-151, newly right, runs
# its two cheers together without the comma ("bắn súng nổ tung lưới"), where "súng nổ" (a
# gun fired) lies outside both: lower case without punctuation kind 17 -> 18; mt40-187, newly
# right, loses its match's name with a letter ("trận chng kết"): a letter dropped kind 56 -> 57.
# Round 24 (msg-24): laughter beside a crime told of no street is a joke; three originals newly
# right (mt13-140, mt18-85, mt41-124) laugh only by "=))" or a face, which lower case without
# punctuation drops: kind 18 -> 21.
# Round 24 (msg-24): the writer's own errand asked is no report the learned model reads; mt40-134,
# newly right, loses its question once its comma is gone ("ko ạ em quên ở nhà") or its landmark
# with a letter ("gần phưng"): lower case without punctuation kind 21 -> 22, a letter dropped
# 57 -> 58.
# Round 24: the model taught set 42's urgency too: no-marks urgency 44 -> 49 and teencode
# without marks 46 -> 48 (counted, not traced one by one: originals newly read right whose
# unmarked variants read as before), doubled 4 -> 3, dropped 15 -> 13.
# Round 25: pair 43 (round 24's dev set) is a tuning set now and joins the sets measured, every
# row measured again before any rule changed (a letter dropped question 518 -> 530 and its
# wrong answers 152 -> 157 the most; each other row up by 0-2).
# Round 25: the model taught set 43's urgency too: urgency breaks fall in six rows (no-marks
# 50 -> 47, doubled 4 -> 2, a letter dropped 14 -> 12, ...) and rise in one (lower case without
# punctuation 1 -> 2; counted, not traced one by one).
# Round 25 (msg-25): an ad's price per period weighs as one of its phrases; mt43-188, newly
# right, loses it once its slash is gone ("3tr tháng"): lower case without punctuation kind
# 22 -> 23. The reader told they won ("bạn đã trúng") is a phisher's voice: mt43-185, newly
# right, loses it once "tr" is typed "ch" ("bạn đã chúng"): kind 82 -> 83.
# Round 25, msg-25 merged with the model taught set 43's urgency, measured once: kind breaks
# one fewer in four rows (no-marks 21 -> 20, teencode without marks, doubled, a letter dropped).
# Round 25 (cat-25): a deposit taken then the taker vanished is fraud, so mt23-158 reads right
# without marks too: no-marks and teencode without marks category 84 -> 83, 92 -> 91. Originals
# newly read right whose variants read as before: a block of flats burning (mt43-88) typed
# "chay chng cu", and loud talking beside a din (mt14-45) typed "nói chuện to" (a letter
# dropped category 45 -> 47); packets handed to callers (mt43-57)
# typed "chao tay" (tr->ch category 99 -> 100). Compared variant by variant with lead-25,
# nothing read right before breaks.
# Round 25 (kind-25): a thing received, the police asked to verify whether it is real, is a tip;
# mt41-143, newly right, loses the "không" of its "có phải thật không" with a letter ("thật
# khng"): asked after the request, it stays a question: a letter dropped kind 60 -> 61, tips
# lost 18 -> 19, category 45 -> 46. Compared variant by variant with lead-25.
# Round 25 (asst-25): qt42-99, newly right (no death certificate: an officer), loses its "không"
# with a letter dropped ("khng có giấy chứng tử"): a letter dropped question 530 -> 531.
# Round 25 (asst-25): qt43-76 and qt43-80, newly right (one's own record wrong or found removed:
# an officer), are filed as tips by the classifier once "thường" loses a letter ("thưng trú"):
# a letter dropped question 531 -> 533.
# Round 25 (asst-25): "khng" (a letter of "không" dropped) read as "không" (assistant typos):
# thirteen questions read right again with it (qt42-99 and qt43-77, newly right, among them):
# a letter dropped question 533 -> 521.
# Round 25 (asst-25): qt43-12 and qt43-41, newly right (the latest day, who of a home must go:
# parts asked), lose the part's word with a letter doubled, dropped or "tr" typed "ch" ("truocc",
# "troc", "chuoc"; "ai chong nhà"): questions doubled 81 -> 82, dropped 521 -> 523, tr->ch 102 ->
# 104.
# Round 25 (asst-25): qt40-71 and qt42-100, newly right (a lodger vanished, their things left: an
# officer), lose "trốn" typed "chốn" ("chọn", to choose, folds alike): tr->ch 104 -> 106.
# Round 26: pair 44 (round 25's dev set) is a tuning set now and joins the sets measured, every
# row measured again before any rule changed (a letter dropped question 523 -> 532 and its
# wrong answers 157 -> 160, kind without marks 20 -> 25 the most; each other row up by 0-4).
# Round 26: the model taught set 44's urgency too: urgency breaks fall in five rows (no-marks
# 47 -> 46, teencode without marks 48 -> 47, doubled 2 -> 1, a letter dropped 12 -> 11, tr->ch
# 17 -> 14; counted, not traced one by one).
# Round 26, kind-26 merged with the model taught set 44's urgency, measured once: tr->ch kind,
# tips lost and category one fewer each (85 -> 84, 47 -> 46, 101 -> 100).
# Round 26 (msg-26): a glad face typed makes chat of a message nothing else matched; mt41-101
# and mt44-33, newly right, lose their face with the punctuation ("... đóng cho hằng nha"):
# lower case without punctuation kind 23 -> 25. An ad's promises and the line's own page
# named: mt41-4 and mt44-156, newly right, lose a word with "tr" typed "ch" ("lay lien chong
# ngay", "trang" -> "chang"), while mt42-10's glad face reads right again "chời nắng": tr->ch
# kind 85 -> 86. A visit to the station asked: mt41-89, newly right, loses it with "tr" typed
# "ch" ("tham quan chụ sở"): tr->ch kind 86 -> 87. Compared variant by variant with lead-26.
# Round 26, msg-26 merged with kind-26 and the model's retrain, measured once: no-marks and
# teencode without marks kind one fewer (25 -> 24, 26 -> 25); tr->ch kind 84 -> 86 (msg-26's
# two above on the merged base).
# Round 26, cat-26 merged, measured once: category breaks one fewer in teencode without marks,
# doubled and a letter dropped (93 -> 92, 23 -> 22, 49 -> 48; counted, not traced one by one).
# Round 26 (asst-26): qt44-37, newly honest (a visa's extension asked in English: its office),
# is filed as a tip by the classifier once lower-cased without punctuation: lower case without
# punctuation question-wrong 3 -> 4. A passport's loss whose report is asked is the loss
# reported, "chình báo" ("tr" typed "ch") too: qt18-46 reads right again with it (tr->ch
# question 110 -> 109, its wrong answers 34 -> 33); qt29-94 reads right again with a letter
# doubled or dropped, and qt42-27, newly honest, breaks with a letter doubled or dropped, one for
# one (questions doubled 83 -> 82, dropped 532 -> 531, their wrong answers as they were).
# Round 26 (asst-26): a house said in several names ("đứng tên chung"), one owner refusing, is an
# officer's; qt44-65, newly right, breaks with a letter of those words dropped: a letter dropped
# question 531 -> 532.
# Round 27: pair 45 (round 26's dev set) is a tuning set now and joins the sets measured, every
# row measured again before any rule changed (a letter dropped question 532 -> 544 and its
# wrong answers 160 -> 164, a category without marks 85 -> 90 and tr/ch 100 -> 106 the most;
# each other row up by 0-4).
# Round 27 (msg-27): the line's own app failing and a course's ad; mt45-6 and mt45-76, newly
# right, lose "tiếng" or "trong" with a letter dropped ("ting Anh", "trng app"): a letter
# dropped kind 66 -> 68; mt45-76 and mt45-134 lose "trong" with "tr" typed "ch" ("chong app",
# "chong tin nhắn") while mt41-4 reads right again: tr->ch kind 87 -> 88. Two ads (mt45-98,
# mt45-196) now read right without marks too (no-marks and teencode without marks kind 28 -> 26,
# 29 -> 27; held as they were). Compared variant by variant with lead-27.
# Round 27 (msg-27): a referee said to be paid, a match named, is chat; mt7-83, newly right,
# loses it with a letter dropped or "trọng" typed "chọng": a letter dropped kind 68 -> 69, tr->ch
# 88 -> 89. Compared variant by variant with lead-27.
# Round 27 (cat-27): the writer beaten by someone unnamed over a parking place (mt45-160), newly
# violence, reads traffic again with a letter of "người" dropped ("bi ngoi ta danh"): a letter
# dropped category 49 -> 50.
# Round 27 (cat-27): originals newly read right whose variants still break. A drunk man on foot
# who nearly caused an accident (mt45-185, public order) loses his "la hét" without marks:
# no-marks and teencode without marks category 90 -> 91, 96 -> 97. Someone mentally ill going
# naked, throwing stones (mt45-72, public order) loses "cởi truồng" typed "cởi trung" or "cởi
# chuồng": a letter dropped and tr->ch category 50 -> 51, 106 -> 107.
# Measured again after msg-27's and cat-27's merge (and the lead's gripe beside a tip): no-marks
# and teencode without marks kind 26, 27 (msg-27's two ads) and category 90, 96 (cat-27's one
# more break each offset in the merge; not traced item by item).
# After kind-27's merge: a letter doubled question 82 -> 81 and its wrong answers 15 -> 14.
# Round 27 (kind-27): a father declared missing by a court years ago is the deregistration's
# premise; qt45-5, newly right, breaks with a letter of "thường trú" dropped ("thung tru"): a
# letter dropped question 544 -> 545, its wrong answers 164 -> 165.
# Round 27 (asst-27): a guest's declaration asked how, who the guest is unsaid, asks which of
# lưu trú and a foreigner's; a foreigner said "ngoi Han" (a letter dropped, unread) is asked
# back rather than given the citizens' lưu trú (qt30-54): a letter dropped question-wrong
# 164 -> 163.
# Round 27, kind-27 and asst-27 merged and measured once: a letter dropped question 544, its
# wrong answers 163.
# Round 28: pair 46 (round 27's dev set) is a tuning set now and joins the sets measured, every
# row measured again before any rule changed (a letter dropped question 544 -> 552, a category
# without marks 90 -> 95 and tr/ch 107 -> 112, tr/ch's wrong answers 36 -> 40 the most; each
# other row up by 0-2).
# Round 28, kind-28: a link quoted and asked whether it is the police's is a phish's tip
# (mt40-68, wrong before in every spelling); without punctuation its address is words, no
# link: lower-no-punct kind 29 -> 30, tip-lost 0 -> 1, category 2 -> 3.
# Round 28, asst-28 merged and measured once: a letter dropped question 552 -> 551, its wrong
# answers 164 -> 163.
# Round 28 (lead): "nhận sửa" an ad's opening: a letter dropped kind 71 -> 70.
# Round 29: pair 47 (round 28's dev set) is a tuning set now and joins the sets measured, every
# row measured again before any rule changed (a letter dropped question 551 -> 564, a category
# without marks 95 -> 97, its urgency 50 -> 52 the most; each other row up by 0-3).
# Round 29, the four passes merged and measured once (each pass's own figures in its report):
# originals newly read right whose misspelt copies still break: tr->ch kind 92 -> 94 (kind-29:
# mt42-185, t47m-146, "Chang này", "vẽ chanh"), a letter doubled or dropped category 24 -> 25
# and 54 -> 56 (cat-29: t47m-031 "residencee", mt15-146 "ting no lon"), a letter dropped and
# tr->ch questions 564 -> 566 and 118 -> 120 (asst-29: t47q-067 "thưng trú", t46q-042 "tạm
# chú"), tr->ch urgency 15 -> 16 (model-29's retrain); fewer breaks: without marks category
# 97 -> 96 and 102 -> 101 (cat-29), urgency 52 -> 51 and 51 -> 50 (model-29), a letter dropped
# kind 73 -> 72 (kind-29), lower case without punctuation kind 30 -> 29.
# Round 30 (cat-30): originals newly read right whose misspelt copies still break: a letter
# dropped category 56 -> 57 (t46m-182, goods carried out while the owner does not answer, its
# "khiêng" typed "khing"), tr->ch category 114 -> 115 (mt22-129, internet shops keeping children
# all night, its "trẻ em" typed "chẻ em").
# Round 30 (asst-30), compared variant by variant with main: qt42-60, newly right ("phải khai
# báo những gì" asks whose duty), still breaks with "người Úc" typed "ngời Úc" (the foreigner
# unread, answered as before): a letter dropped question 566 -> 567; qt44-52's papers burnt,
# newly read, are no longer answered wrong with "trước" typed "trớc" or "chước": a letter
# dropped and tr->ch question-wrong 165 -> 164 and 40 -> 39. Nothing read right before breaks.
# Round 30, kind-30: originals newly read right whose misspelt copies still break, no
# original read right before broken: a letter dropped kind 72 -> 74 (mt42-62 "điện thại",
# mt43-161 "thịt nưng"), tr->ch kind 94 -> 96 (mt45-56 "chọng tài", t46m-049 "hỗ chợ").
# Round 30 (asst-30b): "có phải về quê cắt khẩu trước không" is asked back, which of the two,
# so qt24-36, qt43-17 and t47q-008 are newly honest; their copies with "trước" misspelt
# ("trớc", "chước") still get both procedures, as the originals did before: a letter dropped
# question-wrong 164 -> 166 (qt24-36, t47q-008), tr->ch 39 -> 42 (qt24-36, qt43-17,
# t47q-008), the whole rise.
# Round 30, measured once with its six passes merged: fewer breaks, a letter dropped question
# 567 -> 558 and tr->ch question 120 -> 119 (misspelt questions the second assistant pass asks
# back or answers as their originals); every other row as the passes held it.
# Round 31 (cat-31): an original newly read right whose misspelt copies still break, no
# original read right before broken: one lured to Campuchia by a job and held for ransom is
# fraud (mt21-215), the country typed "Campuchiaa" or "Campchia" unread (violence, as before):
# a letter doubled category 25 -> 26, a letter dropped 57 -> 58. A drunk passed out in the road
# is public order (mt22-44, newly right), the road typed "giữa đưng" unread (other, as before):
# a letter dropped category 58 -> 59.
# Round 31 (asst-31): "muốn chuyển về đây ..., có cần về Long An cắt khẩu trước không", no new
# registration named, is asked back, which of the two, so qt39-54 is newly honest; its copy
# with "trước" typed "chước" still gets the removal alone, as the original did before: tr->ch
# question-wrong 42 -> 43, the whole rise (as round 30's asst-30b).
# Round 31 (asst-31): "cho hỏi về vấn đề chuyển khẩu" is asked back, which of the two, so qt37-99
# is newly right; its copy with "chuyển" typed "chuen" names nothing, a miss as the original
# was before: a letter dropped question 558 -> 559, the whole rise.
# Round 31 (the lead: dogs let loose are public order): mt44-11's pack of stray dogs, newly
# read right, typed "bay cho hong" is unread (other, as before): a letter dropped category
# 59 -> 60; mt42-197, a report about a loose dog withdrawn with thanks (chat), typed without
# marks "con cho tha rong" reads the dogs (a tip): no marks kind 28 -> 29, teencode without
# marks kind 29 -> 30. Measured once with round 31's four passes merged; every other row as
# the passes held it.
# Round 32 (asst-32): originals newly right whose copies still break, no original read right
# before broken. t47q-095 (a province's plate changed after a move, now the vehicle office)
# typed without marks reads "Tân Phú rồi" as "rơi" (dropped), a lost-property tip, the
# classifier's: no-marks question 20 -> 21, teencode-no-marks question 22 -> 23. t46q-065 (two
# registrations listed, both answered) with "thường" typed "thưng" names thường trú no more,
# tạm trú alone, as the original got before: a letter dropped question 559 -> 560.
# Round 32 (kind-32b): qt37-109 (a foreigner's own visa run out, "Em là người nước ngoài ...")
# is asked, no longer a tip answered wrong; its copy with "người" typed "ngời" is not read as
# the writer the foreigner and stays the residence tip the original was before: a letter
# dropped question-wrong 166 -> 167, the whole rise; no original read right before broken.
# Round 33 (the lead): dev pair 48 became a tuning set, so its variants are counted (its
# texts were kept out before); measured on the line as round 32 left it: no-marks kind
# 29 -> 31, category 96 -> 100, urgency 51 -> 50; teencode category 9 -> 10; teencode
# without marks kind 30 -> 32, category 101 -> 104, urgency 50 -> 49; lower-no-punct kind
# 29 -> 30; a letter doubled kind 22 -> 23, question 85 -> 88, question-wrong 14 -> 15; a
# letter dropped kind 74 -> 76, category 60 -> 62, urgency 13 -> 14, question 560 -> 571,
# question-wrong 167 -> 170; tr->ch kind 96 -> 99, category 115 -> 118, question 119 -> 120,
# question-wrong 43 -> 45. No rule changed.
# Round 33 (asst-33), compared variant by variant with main 251ec54: originals newly asked back
# whose misspelt copies name nothing, as the originals did before; no original read right
# before broken, no answer made wrong: a letter dropped question 571 -> 577 (qt16-81
# "chẩn bị", qt35-40 "chuen", qt41-49 "ngời", qt42-83 "nguên", qt45-3 "ngời", t48q-018
# "ngoi"), tr->ch question 120 -> 121 (t47q-086 "dãy chọ").
# Round 33 (kind-33, cat-33 merged; measured by the lead): originals newly right whose
# copies still break, no original read right before broken. t48m-043 (the page's
# notifications, the line's use) and t48m-086 (a removals firm's ad) with "tr" typed "ch"
# ("trang" -> "chang", "trọn gói" -> "chọn gói") still read as questions: tr->ch kind
# 99 -> 101. t48m-020 (a backpack left behind, in English, lost property) typed "backpackk"
# or "backack" is unread (other, as before): a letter doubled category 26 -> 27, a letter
# dropped category 62 -> 63. Fewer breaks: no marks and teencode without marks category
# -1 each (mt17-202), a letter doubled and dropped kind -1 each.
# Round 34 (the lead): dev pair 49 became a tuning set, so its variants are counted (its
# texts were kept out before); measured on the line as round 33 left it: no-marks kind
# 31 -> 35, category 99 -> 104, urgency 50 -> 51, question 21 -> 22, question-wrong 20 -> 21;
# teencode without marks kind 32 -> 36, category 103 -> 108, urgency 49 -> 50, question
# 23 -> 24, question-wrong 21 -> 22; lower-no-punct question 8 -> 9, question-wrong 5 -> 6;
# a letter doubled question 88 -> 89, question-wrong 15 -> 16; a letter dropped kind
# 75 -> 77, category 63 -> 64, question 577 -> 593, question-wrong 170 -> 177; tr->ch kind
# 101 -> 102, category 118 -> 121, question 121 -> 125, question-wrong 45 -> 46. No rule
# changed.
# Round 34 (kind-34, cat-34, asst-34 merged; measured by the lead): originals newly right
# whose copies still break, no original read right before broken (each pass compared its
# variants with main's): a letter dropped kind 77 -> 80 (three of dev 49's messages the kind
# pass made right: their copies with a key letter dropped still miss), question 593 -> 596
# and question-wrong 177 -> 178 (t49q-022, -039, -098 newly answered right, their copies with
# a letter dropped not, one of them answered wrong as the original was). Fewer breaks: no
# marks and teencode without marks category -1 each, a letter doubled kind -1, tip-lost -1,
# category -2, a letter dropped tip-lost -1, urgency -2, tr->ch kind -1.
# Round 35 (the lead): dev pair 50 became a tuning set, so its variants are counted;
# measured on the line as round 34 left it: no-marks kind 35 -> 36, category 103 -> 108,
# urgency 51 -> 56, question 22 -> 23, question-wrong 21 -> 22; teencode kind 2 -> 4,
# tip-lost 2 -> 4, category 10 -> 13; teencode without marks kind 36 -> 39, tip-lost
# 10 -> 12, category 107 -> 114, urgency 50 -> 56, question 24 -> 25, question-wrong
# 22 -> 23; a letter doubled kind 21 -> 23, tip-lost 10 -> 11, category 25 -> 28, question
# 89 -> 91; a letter dropped kind 80 -> 85, tip-lost 21 -> 23, category 64 -> 69, question
# 596 -> 609, question-wrong 178 -> 179; tr->ch kind 101 -> 106, tip-lost 47 -> 49, category
# 121 -> 123, question 125 -> 130. No rule changed.
# Round 35 (cat-35): originals of dev 50 newly read right whose variants still break: a letter
# doubled category 28 -> 29 (t50m-062, "registeredd"); a letter dropped 69 -> 72 (t50m-062
# "regisered", t50m-016 "xổng chung", t50m-073 "nguên căn"); tr->ch 123 -> 125 (t50m-035 "bo
# chong hem", t50m-048 "chua chen duong"). No original newly broken.
# Round 35 (asst-35): originals newly right whose copies still break (compared with main's
# variants; none newly broken whose original was right before): no marks and teencode
# without marks question +1, question-wrong +1 each (t50q-031, the impounded vehicle typed
# without marks: the learned model reads it a tip, no rule fires); lower-no-punct question
# and question-wrong +1 (t50q-067 without its marks of punctuation: the classifier's tip);
# a letter dropped question 609 -> 610 (t50q-070 and t50q-089 "thưng trú" newly broken,
# qt23-51 no longer); tr->ch question 130 -> 131 (t50q-004 "chễ hạn").
# Round 35 (the lead, cat-35 and asst-35 merged): fewer breaks than either branch alone, held
# at what is measured: no marks category 108 -> 106, urgency 56 -> 55; teencode without marks
# category 114 -> 113, urgency 56 -> 55; tr->ch kind 106 -> 105, tip-lost 49 -> 48.
# round 35 (kind-35): urgency breaks +1 in no-marks and teencode-no-marks (t50m-072, an
# e-bike's fire said out, newly right typed with marks, read burning unmarked: "chay rui") and in
# typo-doubled and typo-dropped (t50m-033, a newborn in a box, newly right: its "trong thùng
# giấy" misspelt); originals newly right whose misspelt copies still break, nothing else moved
# Round 35 (the lead, kind-35 merged after cat-35 and asst-35): held at what is measured, fewer
# breaks than any branch alone: no marks category 106, urgency 56; teencode without marks
# category 113, urgency 56; a letter doubled kind 22; a letter dropped kind 83; tr->ch kind
# 103, tip-lost 45, category 122.
# Round 36 (the lead): dev pair 51 became a tuning set, so its variants are counted;
# measured on the line as round 35 left it (no rule changed).
# round 36 (kind-36): tr->ch kind 105 -> 103 (mt14-200, a laugh's 😆 now read, and t48m-006, a
# fitter's free survey now an ad's phrase); nothing else moved
# round 36 (asst-36): a letter dropped question 622 -> 387, question-wrong 180 -> 144 (the
# assistant's typos read "chuên" as "chuyển", and "nước ngài", "thùng trú", "ngời ở chung",
# "phưng chỗ trọ" as meant); the originals newly right (t51q-015, -023, -024, -045, -097,
# qt26-107) keep no break. Nothing else moved.
# round 36 (cat-36): no marks category 110 -> 109 (t48m-115, "bi cay che het" a tree, no
# longer a pry); tr->ch kind 105 -> 104, tip-lost 45 -> 44; a letter dropped category 73 -> 74,
# an original of dev 51 newly read right whose copy still breaks (t51m-125, "cho ngoi chay xe
# may", its packets handed to riders). No original newly broken.
# round 36 (the lead, the three passes merged): as measured, tr->ch kind 102, tip-lost 44.
# round 36 (varu-36): no marks kind 39 -> 34, urgency 57 -> 49; teencode without marks kind
# 41 -> 36, urgency 57 -> 50 (a post's "dang hinh" no "đang", "uynh uynh" music, a fear typed
# bare, "toi nha chem", "ao den", "chay ra kip", "cuu chien binh", "dich vu chay", a wish
# known by whom it goes to: "chuc chu", "chuc page"); no original newly broken, nothing else moved
# round 36 (varc-36): words the rules knew only with marks known folded where the folded
# words say it (an extinguisher, flames hissing, "xách dao", rifle rounds, a user lying still,
# a loan app's smear to the contacts) and folded words of another meaning no longer read so
# ("làm ơn", "nhắc tổ", "ổn rồi", "không muốn sống nữa", "camera bị tắt", "mất cặp táp",
# "lẫn lẫn", "bỏ chạy rồi"): no marks category 109 -> 94, kind 39 -> 38, tip-lost 8 -> 7,
# question 24 -> 23, question-wrong 23 -> 22; teencode kind 5 -> 4, tip-lost 4 -> 3,
# category 13 -> 12; teencode without marks category 117 -> 103, kind 41 -> 40, tip-lost
# 12 -> 11, question 26 -> 25, question-wrong 24 -> 23. Nothing else moved.
# round 36 (varc-36, second commit): a scam seen through ("nghe là biết lừa", "chắc chắn là
# lừa rồi") and meth bought by an addict or sold by a ring known folded: no marks kind 38 -> 37,
# tip-lost 7 -> 6, category 94 -> 90; teencode without marks kind 40 -> 39, tip-lost 11 -> 10,
# category 103 -> 99. Nothing else moved.
# round 36 (the lead, varc-36 merged after varu-36): as measured on the merge, no marks kind
# 32, teencode without marks kind 34 (the two passes together mend two more).
HELD = {
    "no-marks": {"kind": 32, "tip-lost": 6, "category": 90, "urgency": 49,
                 "question": 23, "question-wrong": 22},
    "teencode": {"kind": 4, "tip-lost": 3, "category": 12, "urgency": 2,
                 "question": 3, "question-wrong": 3},
    "teencode-no-marks": {"kind": 34, "tip-lost": 10, "category": 99, "urgency": 50,
                          "question": 25, "question-wrong": 23},
    "lower-no-punct": {"kind": 31, "tip-lost": 1, "category": 3, "urgency": 2,
                       "question": 10, "question-wrong": 7},
    "typo-doubled": {"kind": 24, "tip-lost": 11, "category": 29, "urgency": 4,
                     "question": 91, "question-wrong": 16},
    "typo-dropped": {"kind": 88, "tip-lost": 23, "category": 74, "urgency": 14,
                     "question": 387, "question-wrong": 144},
    "typo-tr-ch": {"kind": 102, "tip-lost": 44, "category": 126, "urgency": 16,
                   "question": 133, "question-wrong": 47},
}  # fmt: skip


@pytest.fixture(scope="module")
def measured() -> dict[str, Any]:
    return variants.measure()


def test_every_variant_kind_is_held() -> None:
    assert set(HELD) == set(variants.VARIANTS)


@pytest.mark.parametrize("kind", sorted(HELD))
def test_each_variant_kind_keeps_its_invariance(kind: str, measured: dict[str, Any]) -> None:
    breaks = measured[kind]
    got = {head: breaks.count(head) for head in HELD[kind]}
    worse = {h: (got[h], HELD[kind][h]) for h in got if got[h] > HELD[kind][h]}
    assert not worse, (kind, worse, [b[:3] for h in worse for b in breaks.broken[h]])


def test_the_variants_are_made_as_citizens_type() -> None:
    assert variants.strip_marks("Đường Lũy Bán Bích, cháy!") == "Duong Luy Ban Bich, chay!"
    assert variants.teencode("Không biết người ta làm gì với nó rồi") == (
        "k bít ng ta làm j vs nó r"
    )
    assert variants.typo_ch("đăng ký tạm trú, Trọ") == "đăng ký tạm chú, Chọ"
    assert variants.lower_bare("Cứu với!!! Hẻm 12/4") == "cứu với hẻm 12 4"


# --- a letter held down at a word's end is read once ---------------------------------


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("khôngg", "không"),
        ("ngườii ta", "người ta"),
        ("cứuuuu vớiii", "cứu với"),
        ("cháyy!!", "cháy!!"),
        ("khongg", "khong"),
        ("nguoii", "nguoi"),
        ("chuyenn", "chuyen"),
        ("nhanhh", "nhanh"),
    ],
)
def test_a_letter_held_down_at_a_words_end_is_read_once(typed: str, read: str) -> None:
    assert undoubled(canonical(typed)) == read


@pytest.mark.parametrize(
    "kept",
    # cứu/lưu typed without marks, English words, a letter doubled inside a word
    ["cuu", "luu tru", "shopee", "app vay", "pass phong", "free ship", "xoong noi", "boss"],
)
def test_letters_doubled_where_a_language_doubles_them_are_kept(kept: str) -> None:
    assert undoubled(kept) == kept


@pytest.mark.parametrize(
    ("plain", "held"),
    [
        ("có người đang cầm dao đuổi chém ở quán nhậu đầu hẻm",
         "có ngườii đang cầm dao đuổi chém ở quán nhậu đầu hẻm"),
        ("nhà bên cạnh đang cháy, lửa lớn lắm", "nhà bên cạnh đang cháyy, lửa lớn lắmm"),
        ("cháy nhà ở hẻm 12, khói đen nghịt, cứu với",
         "cháy nhà ở hẻm 12, khói đen nghịt, cứuuu vớiii"),
        ("không biết đăng ký tạm trú online được không",
         "khongg biet dang ky tam tru online duoc khongg"),
    ],
)  # fmt: skip
def test_a_held_letter_changes_no_reading(plain: str, held: str) -> None:
    a, b = classify(plain), classify(held)
    assert (a.kind, a.category, a.severity) == (b.kind, b.category, b.severity)
    assert match_topics(plain) == match_topics(held)


def match_topics(text: str) -> tuple[str, ...]:
    return understood(text, classify, assistant).topics


def test_the_assistant_reads_a_held_letter_once() -> None:
    assert words("ngườii nước ngoàii") == ["nguoii", "nuoc", "ngoaii"]  # words as typed
    assert assistant.normalise("ngườii nước ngoàii") == " nguoi nuoc ngoai "


# --- an alias stands for its key's word, marks and all --------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # "rùi"/"r" are rồi, never the rơi of "bỏ rơi" (abandoned)
        "giấy tờ cũ bỏ rùi thì giờ làm lại kiểu j",
        "sổ hộ khẩu bỏ r thì xin giấy gì thay ạ",
        "cái thẻ cũ bỏ rùi hả anh, giờ làm sao",
    ],
)
def test_an_alias_of_one_word_is_not_the_alias_of_another_folding_alike(text: str) -> None:
    got = classify(text)
    assert got.kind != "tip", got
    assert "bỏ rơi" not in got.reasons


@pytest.mark.parametrize(
    "text",
    [
        "thấy đứa bé bị bỏ rơi trước cổng chùa, ko bít của ai",
        "có đứa nhỏ bị bỏ rơi ở trạm xe buýt từ sáng tới giờ",
        "ai bỏ rơi con mèo con trong thùng rác đầu hẻm, tội nó",
    ],
)
def test_abandonment_typed_in_full_is_still_a_tip(text: str) -> None:
    assert classify(text).kind == "tip"


@pytest.mark.parametrize(
    ("standard", "teen"),
    [
        ("mọi người ơi, có người đang đánh nhau trước cổng chợ, máu chảy nhiều quá",
         "mn ơi, có ng đang đánh nhau trước cổng chợ, máu chảy nhiều wá"),
        # a habit, not "đang": the learned model reads the raw words, and an ongoing game sits
        # at its raise (0.47 for "anh em", under 0.45 for "ae" since round 26's retrain)
        ("anh em trong xóm tối nào cũng đánh bạc ăn tiền ở nhà số 7",
         "ae trong xóm tối nào cũng đánh bạc ăn tiền ở nhà số 7"),
        ("tụi nó tới ở nhà tôi đòi nợ, đang đập cửa", "tụi nó tới ở nhà tui đòi nợ, đang đập cửa"),
        ("có kẻ lạ đang cạy cửa nhà hàng xóm, họ đi vắng rồi",
         "có kẻ lạ đang cạy cửa nhà hàng xóm, họ đi vắng r"),
        ("tôi bị lừa chuyển khoản 5 triệu, làm sao lấy lại được",
         "tui bị lừa chuyển khoản 5 triệu, làm sao lấy lại dc"),
        ("đăng ký cư trú cho con ở đâu vậy", "đăng ký cư chú cho con ở đâu z"),
        ("gia hạn tạm trú rồi thì có phải khai lại không",
         "gia hạn tạm trú rùi thì có phải khai lại hok"),
    ],
)  # fmt: skip
def test_teencode_is_read_as_the_words_it_stands_for(standard: str, teen: str) -> None:
    a, b = classify(standard), classify(teen)
    assert (a.kind, a.category, a.severity) == (b.kind, b.category, b.severity)
    assert match_topics(standard) == match_topics(teen)


def test_the_assistant_reads_teencode_but_not_the_words_it_folds_onto() -> None:
    assert assistant.normalise("hok bít tạm trú vs tạm vắng") == (
        " khong biet tam tru voi tam vang "
    )
    # "rui" is rồi, but not in a fire that burnt everything nor in a risk
    assert assistant.normalise("hồ sơ nộp rùi") == " ho so nop roi "
    assert assistant.normalise("sổ cháy rụi") == " so chay rui "
    assert assistant.normalise("sợ rủi ro") == " so rui ro "
    assert assistant.match_topic("xin xác nhận cư chú ở đâu") == assistant.match_topic(
        "xin xác nhận cư trú ở đâu"
    )


# --- a fire typed without marks, told by what only a fire has ---------------------------


@pytest.mark.parametrize(
    "text",
    [
        "xe may dang chay giua duong Au Co, lua to lam, nguoi ta dang tat may",
        "nha kho cuoi hem 8 chay, lua cao hon mai nha",
        "khoi dang boc ra tu phong tro so 5, go cua khong ai tra loi",
        "phong tro so 3 chay roi, khoi tran ra hanh lang",
    ],
)
def test_a_fire_typed_without_marks_is_told_by_its_flames_and_smoke(text: str) -> None:
    got = classify(text)
    assert (got.kind, got.category, got.severity) == ("tip", "fire", "urgent"), got


@pytest.mark.parametrize(
    "text",
    [
        "bị lừa to rồi, chuyển 20 triệu cho người lạ",  # lừa, not lửa
        "lúa cao ngang đầu ngoài ruộng",
        "con nít thả diều chạy giỡn ngoài đường, có đứa té",
    ],
)
def test_what_only_folds_onto_a_fire_is_no_fire(text: str) -> None:
    assert classify(text).category != "fire"


# --- an English question without its "?" is asked by its word order ----------------------


@pytest.mark.parametrize(
    "text",
    [
        "my sister from Canada stays with us for a week who has to report her stay",
        "we are opening a small homestay where do we register the foreign guests",
        "my husband is Korean where does he apply for a residence card",
        "is there a fee for registering a temporary stay",
    ],
)
def test_an_english_question_without_its_mark_is_a_question(text: str) -> None:
    assert classify(text).kind == "question"
    assert classify(text + "?").kind == "question"


@pytest.mark.parametrize(
    "text",
    [
        "someone is breaking into my neighbor house right now on Au Co who has to report this",
        "a man with a knife is chasing a woman near Dam Sen park is there a police station here",
        "my motorbike was stolen last night from the parking lot where do we go to report",
        "there is a fire in the building next to my house on Tan Huong street where do we go",
    ],
)
def test_an_english_report_asking_where_to_turn_stays_a_tip(text: str) -> None:
    assert classify(text).kind == "tip"
