"""The learned model's file as pydantic models (imported only when the file is read,
so that importing the classifier costs no pydantic; as `classify_file.py`)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, model_validator


class Head(BaseModel):
    """One classifier over the shared features: its classes and biases."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    classes: tuple[str, ...] = Field(min_length=2)
    bias: tuple[float, ...]

    @model_validator(mode="after")
    def _one_bias_per_class(self) -> Head:
        if len(self.bias) != len(self.classes):
            raise ValueError("a head's bias must have one value per class")
        return self


class KindHead(Head):
    overrule_from: float = Field(gt=0, le=1)  # a message nothing matched becomes a tip
    report_from: float = Field(gt=0, le=1)  # a question naming nothing reads as a report
    other_from: float = Field(gt=0, le=1)  # a long message nothing matched is not a tip


class CategoryHead(Head):
    other_from: float = Field(gt=0, le=1)  # where the rules found no category
    marked_from: float = Field(gt=0, le=1)  # the same, in a message typed with marks
    overrule_from: float = Field(gt=0, le=1)  # over a category the rules named
    rules_only: tuple[str, ...] = ()  # categories only the rules' words may name


class SeverityHead(BaseModel):
    """Urgent or not: one logit; it may raise a tip the rules rated normal, never lower one."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    bias: float
    raise_from: float = Field(gt=0, le=1)
    lower_below: float = Field(ge=0, lt=1)  # an urgent tip of the rules' is normal below this


class SpamHead(BaseModel):
    """Advertising sent to the line or not: one logit; from `spam_from` an ad is kind
    other, spam, whatever the rules read (`shared.core.classify.as_spam`)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    bias: float
    spam_from: float = Field(gt=0, le=1)


class Fit(BaseModel):
    """How the heads were fitted (scripts/train_text_model.py): each for a set number of
    lbfgs iterations, no tolerance stopping it sooner, so that a model trained again on a
    few examples more moves only as they teach it."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    c: float = Field(gt=0)  # the inverse of the regularisation's strength
    iterations: dict[str, int]  # head -> the lbfgs iterations it was fitted for


class ModelFile(BaseModel):
    """The file's heads and provenance. Its features are a list of names and their
    weights one block of float32 (little-endian, base64; a row per feature: idf,
    then each class's weight times that idf, kind's, category's, then urgency's
    and advertising's single logit weights): parsing
    180,000 numbers from JSON would cost a cold start 0.2 s."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    trained_on: dict[str, str]  # fixture file -> sha256 of its labelled lines
    fit: Fit | None = None  # recorded from round 29
    # fewer words than this and the rules alone decide: a short message ("hỏi đáp")
    # gives the model too little to weigh, and its prior is the commonest class
    min_words: int = Field(ge=1)
    kind: KindHead
    category: CategoryHead
    severity: SeverityHead
    spam: SpamHead
