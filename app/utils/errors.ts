/**
 * A rule the user broke. Routes show it as a GOV.UK error, against `field` when there is one.
 * Subclasses carry the data a page needs to explain themselves.
 */
export class DomainError extends Error {
  constructor(
    message: string,
    public readonly field?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class EmailTakenError extends DomainError {
  constructor(email: string) {
    super(`A user with the email address ${email} already exists`, "email");
  }
}

/**
 * The record does not exist or is out of the user's scope: always a 404, never a form error (so not a DomainError).
 * A choice the user typed or picked that matches nothing is a DomainError with a field instead.
 */
export class NotFoundError extends Error {
  constructor(message = "Not found") {
    super(message);
    this.name = new.target.name;
  }
}

/** The acting user lacks the permission a model needs: always a 403. */
export class ForbiddenError extends Error {
  constructor(public readonly permission: string) {
    super(`Forbidden: needs ${permission}`);
    this.name = new.target.name;
  }
}
