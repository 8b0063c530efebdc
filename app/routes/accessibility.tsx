export const handle = { title: "Accessibility statement" };

export default function Accessibility() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Accessibility statement for Outreach</h1>
        <p className="govuk-body">
          Outreach is built with the GOV.UK Design System so that as many people as possible can use it. You should be able to change
          colours, contrast levels and fonts, zoom in up to 400% without the text spilling off the screen, navigate the whole service using
          just a keyboard or speech recognition software, and listen to it using a screen reader.
        </p>
        <h2 className="govuk-heading-m">How accessible this service is</h2>
        <p className="govuk-body">
          Every page is checked automatically against the Web Content Accessibility Guidelines (WCAG) 2.2 level AA with axe-core as part of
          the service's tests. Every page works without JavaScript.
        </p>
        <h2 className="govuk-heading-m">Reporting accessibility problems</h2>
        <p className="govuk-body">
          If you find a problem that is not listed here, contact the team that runs this service in your council. They will reply within 5
          working days.
        </p>
        <h2 className="govuk-heading-m">Enforcement procedure</h2>
        <p className="govuk-body">
          The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile
          Applications) (No. 2) Accessibility Regulations 2018. If you are not happy with how your council responds to your complaint,
          contact the Equality Advisory and Support Service (EASS).
        </p>
      </div>
    </div>
  );
}
