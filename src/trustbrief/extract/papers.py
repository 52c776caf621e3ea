"""Who issued a paper that speaks: a statement, a letter, a readout, a note.

A paper speaks for its issuer, and the parse names the issuer in a few kinds of writing:
- a 'by' / 'from' phrase: 'a statement by X', 'a letter from the ministry';
- a participle of issuing with its 'by' agent: 'a letter signed by X', 'a readout of the call
  released by X' (the participle may hang on the paper's 'of' object);
- the subject of a verb of issuing whose object is the paper: 'X issued a statement saying',
  'X handed over a note expressing' (a paper someone received or read is not theirs).
A paper whose issuer was named once is the same paper when 'the letter' speaks later in the
document; the memory of issuers lives in the per-document `names` dict of tree_speaker.
"""

from __future__ import annotations

PAPER_ISSUERS = "<paper issuers>"  # names key: paper noun -> claim fields of its issuer


def issuer_token(paper, syntax):
    """The token heading the issuer's phrase of the paper token, or None."""
    for c in paper.children:
        if c.dep_ == "prep" and c.lower_ in ("by", "from"):
            owner = next((g for g in c.children if g.dep_ == "pobj"), None)
            if owner is not None:
                return owner
    of_objects = [g for c in paper.children if c.dep_ == "prep" and c.lower_ == "of"
                  for g in c.children if g.dep_ == "pobj"]
    for noun in (paper, *of_objects):
        agent = _issuing_agent(noun, syntax)
        if agent is not None:
            return agent
    verb = paper.head
    if paper.dep_ == "dobj" and verb.lemma_.lower() in syntax.issuing_verbs:
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None and verb.dep_ == "conj":  # 'X met Y and handed over a note'
            subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        return subject
    return None


def _issuing_agent(noun, syntax):
    """'signed by X' / 'released by X' hanging on the noun: X's token."""
    for verb in noun.children:
        if verb.dep_ == "acl" and verb.lemma_.lower() in syntax.issuing_verbs:
            for agent in verb.children:
                if agent.dep_ == "agent":
                    return next((g for g in agent.children if g.dep_ == "pobj"), None)
    return None


def speaking_paper(verb, syntax):
    """The paper a verb of saying describes ('a statement saying', 'a note expressing', 'a
    statement in which it claimed'), when its subject names nobody else; else None."""
    paper = verb.head
    if verb.dep_ not in ("acl", "relcl") or paper.lemma_.lower() not in syntax.document_nouns:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ not in ("it", "which", "that"):
        return None
    return paper


def remember_issuers(doc, syntax, typer, names: dict) -> None:
    """Every paper of the sentence whose issuer the parse names: 'the letter' later is it.
    typer(token) -> claim fields of the phrase headed by token, or None."""
    for token in doc:
        if token.pos_ != "NOUN" or token.lemma_.lower() not in syntax.document_nouns:
            continue
        owner = issuer_token(token, syntax)
        typed = typer(owner) if owner is not None else None
        if typed is not None and typed["speaker"]:
            names.setdefault(PAPER_ISSUERS, {})[token.lemma_.lower()] = typed


def known_issuer(names: dict, paper: str, how: str) -> dict | None:
    """The issuer of the last paper of that noun whose issuer was named, as a speaker."""
    found = names.get(PAPER_ISSUERS, {}).get(paper)
    return None if found is None else {**found, "how": how}
