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

export class NotFoundError extends DomainError {}
