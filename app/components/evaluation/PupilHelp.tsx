/** On every page a pupil sees: where to get help now, whatever they answer. */
export function PupilHelp() {
  return (
    <aside className="app-pupil-help govuk-!-margin-top-6" aria-labelledby="pupil-help-heading">
      <h2 className="govuk-heading-m" id="pupil-help-heading">
        If something is worrying you
      </h2>
      <p className="govuk-body">
        Speak to a teacher you trust or your school’s safeguarding lead. You can also call Childline free on{" "}
        <a className="govuk-link" href="tel:08001111">
          0800 1111
        </a>{" "}
        or talk to them online at childline.org.uk. If someone is in danger now, call 999.
      </p>
    </aside>
  );
}

/** What the questionnaire keeps and what it does not, in plain words. */
export function PupilPrivacy() {
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Who sees my answers?</span>
      </summary>
      <div className="govuk-details__text">
        <p className="govuk-body">
          We do not ask for your name, email or anything else that says who you are, and we do not track you. Your answers are added
          together with everyone else’s to find out what the performance changed.
        </p>
        <p className="govuk-body">
          When you send your answers, your phone remembers that you have answered, so the same phone cannot answer twice. It does not say
          who you are and it is deleted when the questionnaire closes.
        </p>
        <p className="govuk-body">
          If you write that you or someone else is being hurt or is not safe, a safeguarding lead will read it and may act to keep people
          safe.
        </p>
      </div>
    </details>
  );
}
