"""The LMS scoring replay both export tests use: the course's rule written out once, and QTI 1.2
response processing run as an LMS runs it, so the plain QTI export (test_lms) and the Common
Cartridge (test_cartridge) are held to the same rule by the same reading of their XML."""
import itertools

QTI = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
NS = {"q": QTI}


def rule_score(q, chosen):
    """The course's rule (lms docstring): single answer, 100 for the correct option only;
    select all, 100/k for each correct option chosen, and 0 if any wrong option is chosen."""
    correct = {i for i, a in enumerate(q["answers"]) if a["correct"]}
    if chosen - correct:
        return 0.0
    if q["type"] == "multiple_choice":
        return 100.0 if chosen == correct else 0.0
    return 100.0 * len(chosen) / len(correct)


def choices(q):
    """Every answer a learner can give: each option of a single-answer question, every subset
    (none chosen included) of a select-all one, as sets of option positions."""
    n = len(q["answers"])
    if q["type"] == "multiple_choice":
        return [{i} for i in range(n)]
    return [set(c) for r in range(n + 1) for c in itertools.combinations(range(n), r)]


def holds(condition, chosen):
    """Whether a QTI condition (varequal, not, or, and, conditionvar) holds for the chosen idents."""
    tag = condition.tag.split("}")[1]
    if tag == "varequal":
        return condition.text in chosen
    if tag == "not":
        return not holds(condition[0], chosen)
    if tag == "or":
        return any(holds(c, chosen) for c in condition)
    return all(holds(c, chosen) for c in condition)  # and, conditionvar


def qti_score(item, chosen):
    """Run an item's resprocessing (QTI 1.2 ASI: conditions in order, continue="No" stops after
    one that holds) for the set of option idents a learner chose; SCORE starts at its defaultval
    (0 when there is none) and ends within its minvalue and maxvalue."""
    decvar = item.find(".//q:decvar", NS)
    score = float(decvar.get("defaultval", 0))
    for condition in item.findall("q:resprocessing/q:respcondition", NS):
        if not holds(condition.find("q:conditionvar", NS), chosen):
            continue
        for setvar in condition.findall("q:setvar", NS):
            value = float(setvar.text)
            score = {"Set": value, "Add": score + value, "Subtract": score - value}[setvar.get("action", "Set")]
        if condition.get("continue", "No") == "No":
            break
    return min(max(score, float(decvar.get("minvalue"))), float(decvar.get("maxvalue")))
