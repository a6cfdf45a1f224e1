"""Which list entries start items: bullet lists of substantial entries, bullet headings, numbered
headings and numbered paragraphs that stand on their own. Lettered sub-items, nested bullets and lists
introduced by a ':' line or under a question heading stay inside the item above them.
"""

from __future__ import annotations

from . import structure
from .reading import Reader
from .shapes import sentence_end, words


def entry_items(sg: Reader) -> list[bool]:
    """For each block, whether it is a list entry that starts an item; decided one run of entries at
    a time."""
    flags = [False] * sg.n
    i = 0
    while i < sg.n:
        if sg.b[i].kind != "entry":
            i += 1
            continue
        run = _run(sg, i)
        for k in _items_in_run(sg, i, run):
            flags[k] = True
        i = run[-1] + 1
    return flags


def _run(sg: Reader, i: int) -> list[int]:
    run = [i]
    k = i + 1
    while k < sg.n and sg.b[k].kind == "entry":
        run.append(k)
        k += 1
    return run


def _items_in_run(sg: Reader, first: int, run: list[int]) -> list[int]:
    base = sg.b[first].indent
    top = [k for k in run if sg.b[k].indent <= base and sg.b[k].mark != "letter"]
    if not top or _introduced(sg, first - 1):
        return []
    numbered = [k for k in top if sg.b[k].mark in ("digit", "roman") and _numbered_heading(sg, k)]
    if not numbered and _free_standing(sg, first):
        # numbered paragraphs not under a heading are items; under one they are its points
        numbered = [k for k in top if sg.b[k].mark == "digit" and _substantial(sg.b[k])]
    top = [k for k in top if sg.b[k].mark == "bullet"]
    if not top:
        return numbered
    return numbered + _bullet_items(sg, top, run[-1] + 1)


def _bullet_items(sg: Reader, top: list[int], after: int) -> list[int]:
    """A lone bullet heading over paragraphs, or a list whose entries are substantial."""
    if len(top) == 1 and bullet_heading(sg, top[0], after):
        return top
    substantial = [k for k in top if _substantial(sg.b[k])]
    average = sum(sg.b[k].words for k in top) / len(top)
    if len(substantial) * 10 >= len(top) * 6 and average >= 10:
        return top  # most entries are sentences of their own: each is an item
    return []


def _introduced(sg: Reader, p: int) -> bool:
    """The list is the body of the line before it: 'Algunos ejemplos incluyen:', a question heading."""
    if p < 0:
        return False
    blk = sg.b[p]
    if blk.kind != "para" or sg.is_intro(p):
        return False
    last = blk.lines[-1].rstrip()
    if last.endswith(":"):
        return True
    return sg.shape[p] is not None and (last.endswith("?") or sg.is_job_section(p))


def _free_standing(sg: Reader, first: int) -> bool:
    p = first - 1
    return (
        p < 0 or sg.is_intro(p) or sg.furniture(p) is not None or (sg.b[p].kind == "para" and not sg.shape[p])
    )


def _numbered_heading(sg: Reader, k: int) -> bool:
    blk = sg.b[k]
    if sg.heading(blk.head) not in ("strong", "weak") or words(blk.head) > 10:
        return False
    if len(blk.lines) > 1:
        return True  # 'II. Beca “Raíces”' with its text on the lines under it
    nxt = sg.b[k + 1] if k + 1 < sg.n else None
    return nxt is not None and not (nxt.kind == "entry" and nxt.mark == blk.mark and nxt.indent == blk.indent)


def bullet_heading(sg: Reader, k: int, after: int) -> bool:
    """A short bullet with paragraphs under it: '·  Webinar To Discuss Safe Learning Environments'."""
    blk = sg.b[k]
    if after >= sg.n or sg.b[after].kind != "para" or sg.furniture(after):
        return False
    return sg.heading(blk.head) is not None and len(blk.lines) == 1


def _substantial(blk: structure.Block) -> bool:
    if _citation(blk.head):
        return False
    return blk.words >= 8 and (sentence_end(blk.lines[-1]) or blk.words >= 12 or ": " in blk.head[:60])


def _citation(s: str) -> bool:
    """'WBEZ: "How neighbors are helping…" (November 17)', 'NY1 — “…”': a headline quoted after its outlet."""
    for mark in (": ", " — ", " – ", " - "):
        outlet, sep, rest = s.partition(mark)
        if sep and words(outlet) <= 5 and rest[:1] in "\"“'‘«":
            return True
    return False
