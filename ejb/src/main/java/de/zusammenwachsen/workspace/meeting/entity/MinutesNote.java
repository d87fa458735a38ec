package de.zusammenwachsen.workspace.meeting.entity;

import de.zusammenwachsen.workspace.core.InvalidInputException;
import de.zusammenwachsen.workspace.discussion.entity.RenderedText;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** The notes on one agenda item, in Markdown, kept with their sanitized HTML like posts. */
@Entity
@Table(name = "minutes_note")
public class MinutesNote {

    public static final int MAX_BODY = 50_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "minutes_id")
    private Minutes minutes;

    @Column(name = "agenda_item_id", nullable = false)
    private Long agendaItemId;

    @Column(nullable = false, length = Integer.MAX_VALUE)
    private String body;

    @Column(name = "body_html", nullable = false, length = Integer.MAX_VALUE)
    private String bodyHtml;

    @Column(name = "html_version", nullable = false)
    private int htmlVersion;

    protected MinutesNote() {
    }

    MinutesNote(Minutes minutes, Long agendaItemId, RenderedText text) {
        this.minutes = minutes;
        this.agendaItemId = agendaItemId;
        rewrite(text);
    }

    public static String requireBody(String markdown) {
        if (markdown.length() > MAX_BODY) {
            throw new InvalidInputException("minutes.note.tooLong", MAX_BODY);
        }
        if (markdown.indexOf('\u0000') >= 0) {
            throw new InvalidInputException("discussion.body.invalidCharacter");
        }
        return markdown;
    }

    final void rewrite(RenderedText text) {
        this.body = requireBody(text.markdown());
        this.bodyHtml = text.html();
        this.htmlVersion = text.rules();
    }

    /** Renders again under newer rules; the text stays as written (also in approved minutes). */
    public void rerender(RenderedText text) {
        this.bodyHtml = text.html();
        this.htmlVersion = text.rules();
    }

    public Long getId() {
        return id;
    }

    public Minutes getMinutes() {
        return minutes;
    }

    public Long getAgendaItemId() {
        return agendaItemId;
    }

    public String getBody() {
        return body;
    }

    public String getBodyHtml() {
        return bodyHtml;
    }

    public int getHtmlVersion() {
        return htmlVersion;
    }
}
