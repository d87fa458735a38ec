package de.zusammenwachsen.workspace.setup.control;

import de.zusammenwachsen.workspace.core.Settings;
import de.zusammenwachsen.workspace.discussion.control.MarkdownRenderer;
import de.zusammenwachsen.workspace.discussion.entity.RenderedText;
import de.zusammenwachsen.workspace.group.entity.Membership;
import de.zusammenwachsen.workspace.group.entity.WorkingGroup;
import de.zusammenwachsen.workspace.meeting.entity.ActionItemStatus;
import de.zusammenwachsen.workspace.meeting.entity.ActionItemTerms;
import de.zusammenwachsen.workspace.meeting.entity.AgendaItem;
import de.zusammenwachsen.workspace.meeting.entity.AgendaItemState;
import de.zusammenwachsen.workspace.meeting.entity.AttendanceStatus;
import de.zusammenwachsen.workspace.meeting.entity.DecisionTerms;
import de.zusammenwachsen.workspace.meeting.entity.Meeting;
import de.zusammenwachsen.workspace.meeting.entity.Minutes;
import de.zusammenwachsen.workspace.meeting.entity.MinutesRevision;
import de.zusammenwachsen.workspace.meeting.entity.Outcome;
import de.zusammenwachsen.workspace.meeting.entity.VoteMode;
import de.zusammenwachsen.workspace.search.control.SearchIndex;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's meetings: in three groups a past meeting whose minutes were approved, with decisions (published ones
 * and members-only ones, one of them in a private group) and an action item, and in one group the next meeting
 * with its agenda. So that a first look at the decisions register, "my tasks" and a group's meetings shows what
 * they are for. Dates are relative to the day the demo is loaded.
 */
@Dependent
public class DemoMeetings {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** An agenda item with what the minutes say about it. */
    private record Item(String title, String notes, List<Decided> decisions, String task) {
    }

    private record Decided(String wording, Integer votesFor, Integer against, Integer abstentions, Outcome outcome,
                           boolean published) {

        static Decided consensus(String wording, Outcome outcome, boolean published) {
            return new Decided(wording, null, null, null, outcome, published);
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    SearchIndex searchIndex;

    private final MarkdownRenderer renderer = new MarkdownRenderer(Settings.baseUrl());

    /** Adds the meetings to the demo groups found by slug; groups that are missing are left out. */
    public int add(Map<String, WorkingGroup> groups) {
        int meetings = 0;
        WorkingGroup energy = groups.get("energiegenossenschaften");
        if (energy != null) {
            held(energy, "Mitgliedertreffen November", -21, "Bürgerhaus Markkleeberg, Rathausplatz 1", List.of(
                    new Item("Photovoltaik auf dem Vereinsheim Böhlen",
                            "Das Dach des Vereinsheims trägt laut Statik **bis zu 30 kWp**. Der Sportverein stellt es für "
                                    + "20 Jahre zur Verfügung; der Strom wird vor Ort verbraucht.",
                            List.of(new Decided("Die Genossenschaft holt für das Dach des Vereinsheims Böhlen Angebote für "
                                    + "eine Photovoltaikanlage mit bis zu 30 kWp ein und legt sie dem nächsten Treffen vor.",
                                    9, 0, 1, Outcome.ADOPTED, true)),
                            "Drei Angebote für die PV-Anlage Böhlen einholen"),
                    new Item("Bürgerwindpark Zwenkau: Beteiligungsmodell",
                            "Vorgestellt wurden Nachrangdarlehen und Kommanditbeteiligung.\n\n- Nachrangdarlehen: einfach, "
                                    + "ab 250 €\n- Kommanditbeteiligung: Mitsprache, aber Prospektpflicht",
                            List.of(Decided.consensus("Für den Bürgerwindpark Zwenkau bietet die Genossenschaft "
                                    + "Bürgerinnen und Bürgern der Anrainergemeinden Nachrangdarlehen ab 250 € an.",
                                    Outcome.ADOPTED, true)), null)));
            upcoming(energy, "Mitgliedertreffen Dezember", 10, "Bürgerhaus Markkleeberg, Rathausplatz 1",
                    List.of("Angebote für die PV-Anlage Böhlen", "Jahresplanung 2027"));
            meetings += 2;
        }
        WorkingGroup cycling = groups.get("radwege-burgenlandkreis");
        if (cycling != null) {
            held(cycling, "Auswertung der Befahrung Elster-Radweg", -42, "Online", List.of(
                    new Item("Mängelliste Zeitz – Wetterzeube",
                            "Bei der Befahrung am Samstag wurden **14 Mängel** aufgenommen, vor allem Wurzelaufbrüche und "
                                    + "fehlende Beschilderung an der B 2.",
                            List.of(new Decided("Die Gruppe übergibt die Mängelliste zum Elster-Radweg zwischen Zeitz und "
                                    + "Wetterzeube dem Landkreis und bittet um einen Ortstermin.", 6, 0, 0,
                                    Outcome.ADOPTED, true),
                                    new Decided("Ein eigener Vorschlag für eine Radschnellverbindung Zeitz – Naumburg wird "
                                            + "auf das Frühjahr vertagt.", 3, 1, 2, Outcome.POSTPONED, false)),
                            "Mängelliste an das Straßenverkehrsamt schicken")));
            meetings++;
        }
        WorkingGroup stories = groups.get("erzaehlcafe-tagebau");
        if (stories != null) {
            // A private group: guests see its published decision in the register, never its minutes.
            held(stories, "Planung Erzählcafé Frühjahr", -14, "Kulturhaus Zeitz", List.of(
                    new Item("Ort und Termin",
                            "Das Kulturhaus bietet den Saal im März kostenlos an; Technik bringt der Verein mit.",
                            List.of(Decided.consensus("Das nächste Erzählcafé „Leben am Tagebaurand“ findet im März 2027 "
                                    + "im Kulturhaus Zeitz statt.", Outcome.ADOPTED, true)), null)));
            meetings++;
        }
        return meetings;
    }

    /** A past meeting with approved minutes. */
    private void held(WorkingGroup group, String title, int daysFromToday, String place, List<Item> items) {
        Instant now = Instant.now();
        List<Membership> members = group.getMemberships();
        Long moderator = members.stream().filter(Membership::isModerator).map(m -> m.getAccount().getId())
                .findFirst().orElseThrow();
        Meeting meeting = meeting(group, title, daysFromToday, place, moderator, now);
        List<AgendaItem> agenda = new ArrayList<>();
        for (Item item : items) {
            agenda.add(agendaItem(meeting, agenda.size() + 1, item.title(), now));
        }
        em.flush();

        Map<Long, AttendanceStatus> attendance = new LinkedHashMap<>();
        for (int i = 0; i < members.size(); i++) {
            // One member excused, so the attendance reads like a real one.
            attendance.put(members.get(i).getAccount().getId(), i == members.size() - 1 && i > 1
                    ? AttendanceStatus.EXCUSED : AttendanceStatus.PRESENT);
        }
        Long taker = members.get(members.size() > 1 ? 1 : 0).getAccount().getId();
        Minutes minutes = new Minutes(meeting, taker, attendance, moderator, now);
        em.persist(minutes);
        em.flush();

        Map<Long, RenderedText> notes = new LinkedHashMap<>();
        List<DecisionTerms> decisions = new ArrayList<>();
        List<ActionItemTerms> tasks = new ArrayList<>();
        LocalDate decidedOn = meeting.getStartsAt().atZone(BERLIN).toLocalDate();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            Long agendaItemId = agenda.get(i).getId();
            notes.put(agendaItemId, renderer.render(item.notes(), name -> null).text());
            for (Decided d : item.decisions()) {
                decisions.add(new DecisionTerms(null, agendaItemId, d.wording(),
                        d.votesFor() == null ? VoteMode.CONSENSUS : VoteMode.COUNTED, d.votesFor(), d.against(),
                        d.abstentions(), d.outcome(), d.published()));
            }
            if (item.task() != null) {
                tasks.add(new ActionItemTerms(null, agendaItemId, item.task(), taker,
                        LocalDate.now(BERLIN).plusDays(14), ActionItemStatus.OPEN));
            }
        }
        Instant written = meeting.getEndsAt().plus(Duration.ofDays(1));
        minutes.revise(new MinutesRevision(taker, null, attendance, notes, decisions, tasks), decidedOn, taker, written);
        minutes.circulate(taker, written);
        minutes.approve(moderator, null, written.plus(Duration.ofDays(7)).isBefore(now)
                ? written.plus(Duration.ofDays(7)) : now);
        em.flush();
        searchIndex.minutes(minutes);
    }

    /** A meeting ahead, with its agenda; no invitations, as the demo people have no real addresses. */
    private void upcoming(WorkingGroup group, String title, int daysFromToday, String place, List<String> agenda) {
        Instant now = Instant.now();
        Long moderator = group.getMemberships().stream().filter(Membership::isModerator)
                .map(m -> m.getAccount().getId()).findFirst().orElseThrow();
        Meeting meeting = meeting(group, title, daysFromToday, place, moderator, now);
        for (int i = 0; i < agenda.size(); i++) {
            agendaItem(meeting, i + 1, agenda.get(i), now);
        }
        em.flush();
    }

    private Meeting meeting(WorkingGroup group, String title, int daysFromToday, String place, Long organiser,
                            Instant now) {
        Instant starts = LocalDate.now(BERLIN).plusDays(daysFromToday).atTime(LocalTime.of(18, 30))
                .atZone(BERLIN).toInstant();
        Meeting meeting = new Meeting(group, title, starts, starts.plus(Duration.ofHours(2)),
                "Online".equals(place) ? null : place, "Online".equals(place) ? "https://meet.example.org/revier" : null,
                null, organiser, now);
        em.persist(meeting);
        return meeting;
    }

    private AgendaItem agendaItem(Meeting meeting, int position, String title, Instant now) {
        AgendaItem item = new AgendaItem(meeting, position, title, null, null, 30, AgendaItemState.ACCEPTED, null,
                null, now);
        em.persist(item);
        return item;
    }
}
