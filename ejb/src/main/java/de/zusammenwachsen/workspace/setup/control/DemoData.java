package de.zusammenwachsen.workspace.setup.control;

import de.zusammenwachsen.workspace.account.control.PasswordHasher;
import de.zusammenwachsen.workspace.account.control.SecretTokens;
import de.zusammenwachsen.workspace.account.entity.Account;
import de.zusammenwachsen.workspace.account.entity.Language;
import de.zusammenwachsen.workspace.audit.entity.AuditEntry;
import de.zusammenwachsen.workspace.core.Settings;
import de.zusammenwachsen.workspace.group.entity.JoinPolicy;
import de.zusammenwachsen.workspace.group.entity.JoinRequest;
import de.zusammenwachsen.workspace.group.entity.Role;
import de.zusammenwachsen.workspace.group.entity.Visibility;
import de.zusammenwachsen.workspace.group.entity.WorkingGroup;
import de.zusammenwachsen.workspace.network.entity.ActionField;
import de.zusammenwachsen.workspace.network.entity.Region;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Optional demo data (switch {@code ZW_DEMO=true} or {@code -Dzw.demo=true}, off by default): a few groups across
 * action fields with members, and their meetings with approved minutes and decisions (see {@link DemoMeetings}), so
 * that a first look shows a living network. Runs only on a database without
 * groups. The demo people get random passwords nobody knows and addresses under the reserved {@code .invalid}
 * domain, so no mail ever leaves for them and nobody can log in as them.
 */
@Singleton
@Startup
@DependsOn("Migrations")
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    private record DemoGroup(String slug, String name, String description, String field, String region,
                             Visibility visibility, JoinPolicy policy) {
    }

    private static final List<String[]> PEOPLE = List.of(
            new String[]{"Katrin Sommer", "BürgerEnergie Leipziger Land eG", "landkreis-leipzig", "Energiegenossenschaften, Moderation"},
            new String[]{"Jens Albrecht", "ADFC Burgenlandkreis", "burgenlandkreis", "Radverkehrsplanung"},
            new String[]{"Aylin Demir", "Kulturverein Zeitz e.V.", "burgenlandkreis", "Erzählcafés, Oral History"},
            new String[]{"Thomas Richter", "NABU Saalekreis", "saalekreis", "Streuobst, Artenschutz"},
            new String[]{"Marie Köhler", "Jugendforum Bitterfeld", "anhalt-bitterfeld", "Jugendbeteiligung"},
            new String[]{"Uwe Schubert", "Dorfverein Großkayna", "saalekreis", "Dorfentwicklung, Fördermittel"},
            new String[]{"Sabine Wolf", "Mansfelder Tafel e.V.", "mansfeld-suedharz", "Ernährung, Ehrenamtskoordination"},
            new String[]{"Felix Brandt", "Repair-Café Halle", "halle", "Reparieren, Kreislaufwirtschaft"});

    private static final List<DemoGroup> GROUPS = List.of(
            new DemoGroup("energiegenossenschaften", "Energiegenossenschaften im Revier",
                    "Wir gründen und begleiten Bürgerenergie-Projekte: Photovoltaik auf Vereinsdächern, Windparks mit Bürgerbeteiligung.",
                    "energie-klimaschutz", "landkreis-leipzig", Visibility.PUBLIC, JoinPolicy.OPEN),
            new DemoGroup("radwege-burgenlandkreis", "Radwege im Burgenlandkreis",
                    "Lückenschlüsse im Radnetz zwischen Zeitz, Naumburg und Weißenfels: Mängel sammeln, mit Verwaltung sprechen.",
                    "mobilitaet", "burgenlandkreis", Visibility.PUBLIC, JoinPolicy.REQUEST),
            new DemoGroup("erzaehlcafe-tagebau", "Erzählcafé Tagebau",
                    "Menschen erzählen vom Leben mit dem Tagebau. Wir sammeln Geschichten und bereiten Abende vor.",
                    "bildung-kultur", "burgenlandkreis", Visibility.PRIVATE, JoinPolicy.REQUEST),
            new DemoGroup("jugend-beteiligung", "Jugend gestaltet den Wandel",
                    "Jugendforen im Revier vernetzen sich und bringen ihre Ideen in den Strukturwandel ein.",
                    "beteiligung", "anhalt-bitterfeld", Visibility.PUBLIC, JoinPolicy.OPEN),
            new DemoGroup("streuobst-saalekreis", "Streuobstwiesen Saalekreis",
                    "Pflege, Schnittkurse und Ernteaktionen auf den Streuobstwiesen rund um Merseburg.",
                    "naturschutz", "saalekreis", Visibility.PUBLIC, JoinPolicy.INVITATION),
            new DemoGroup("koordinierungskreis", "Koordinierungskreis des Netzwerks",
                    "Die Sprecherinnen und Sprecher der Handlungsfelder stimmen sich hier ab.",
                    "ehrenamt", "halle", Visibility.HIDDEN, JoinPolicy.INVITATION));

    @PersistenceContext
    EntityManager em;

    @Inject
    DemoMeetings meetings;

    @PostConstruct
    void load() {
        if (!Settings.demoData()) {
            return;
        }
        if (em.createQuery("select count(g) from WorkingGroup g", Long.class).getSingleResult() > 0) {
            LOG.info("Demo data switched on, but the database already has groups; nothing added.");
            return;
        }
        PasswordHasher hasher = new PasswordHasher();
        String unusable = hasher.hash(SecretTokens.newSecret().toCharArray());
        List<Account> people = PEOPLE.stream().map(p -> person(p, unusable)).toList();
        Map<String, WorkingGroup> groups = new LinkedHashMap<>();
        for (int i = 0; i < GROUPS.size(); i++) {
            DemoGroup demo = GROUPS.get(i);
            ActionField field = bySlug(ActionField.class, demo.field());
            WorkingGroup group = new WorkingGroup(demo.slug(), demo.name(), field);
            Set<Region> regions = new LinkedHashSet<>(List.of(bySlug(Region.class, demo.region())));
            group.configure(demo.name(), demo.description(), field, Set.of(field), regions, demo.visibility(), demo.policy());
            em.persist(group);
            groups.put(demo.slug(), group);
            group.admit(people.get(i % people.size()), Role.MODERATOR);
            for (int j = 1; j <= 3 + i % 3; j++) {
                group.admit(people.get((i + j) % people.size()), Role.MEMBER);
            }
            em.persist(new AuditEntry(null, "Demo", "group.created", null, demo.name(), null));
        }
        em.flush();
        WorkingGroup radwege = em.createQuery("select g from WorkingGroup g where g.slug = 'radwege-burgenlandkreis'", WorkingGroup.class)
                .getSingleResult();
        Account outsider = people.stream().filter(p -> !radwege.isMember(p)).findFirst().orElseThrow();
        em.persist(new JoinRequest(radwege, outsider, "Ich plane gerade den Radweg an der Weißen Elster mit und würde gern mitmachen."));
        int meetingCount = meetings.add(groups);
        LOG.info(() -> "Demo data added: " + GROUPS.size() + " groups, " + PEOPLE.size() + " people, " + meetingCount
                + " meetings.");
    }

    private Account person(String[] p, String passwordHash) {
        String email = p[0].toLowerCase().replace(' ', '.').replace("ö", "oe").replace("ü", "ue") + "@demo.zusammenwachsen.invalid";
        Account account = new Account(email, p[0], passwordHash, Language.DE);
        account.describe(p[0], p[1], bySlug(Region.class, p[2]), p[3], null, Language.DE);
        account.confirm();
        em.persist(account);
        return account;
    }

    private <T> T bySlug(Class<T> type, String slug) {
        return em.createQuery("select x from " + type.getSimpleName() + " x where x.slug = :s", type)
                .setParameter("s", slug).getSingleResult();
    }
}
