import { describe, expect, it } from "vitest";
import { renderEmail, senderAddress, toMailOptions } from "~/utils/mail.server";

describe("email rendering", () => {
  it("escapes everything that came from users in the HTML and keeps the text readable", () => {
    const { html, text } = renderEmail({
      heading: "Invitation",
      paragraphs: ["Dear <script>alert(1)</script>,"],
      details: [["Where", `Ashgrove "School" & <b>Hall</b>`]],
      action: { text: "Reply", href: `https://example.test/respond/abc"onmouseover="x` },
    });
    expect(html).not.toContain("<script>");
    expect(html).toContain("Dear &lt;script&gt;alert(1)&lt;/script&gt;,");
    expect(html).toContain("Ashgrove &quot;School&quot; &amp; &lt;b&gt;Hall&lt;/b&gt;");
    expect(html).not.toContain(`"onmouseover`);
    expect(text).toContain(`Where: Ashgrove "School" & <b>Hall</b>`);
    expect(text).toContain("Northfield Borough Council");
  });

  it("sends the council as the sender name and takes the MIME calendar method from the ICS", () => {
    const options = toMailOptions({
      id: "m1",
      to: "dsl@school.example",
      subject: "S",
      text: "T",
      html: null,
      attachments: null,
      ics: "BEGIN:VCALENDAR\r\nMETHOD:CANCEL\r\nEND:VCALENDAR",
      icsMethod: "REQUEST",
      replyTo: "replies+0123456789abcdef0123456789abcdef@replies.example",
    });
    expect(options.from).toEqual({ name: "Northfield Borough Council", address: senderAddress() });
    expect(options.replyTo).toBe("replies+0123456789abcdef0123456789abcdef@replies.example");
    expect(options.icalEvent).toMatchObject({ method: "CANCEL", filename: "invite.ics" });
  });
});
