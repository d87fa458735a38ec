package de.zusammenwachsen.workspace.meeting.boundary;

import de.zusammenwachsen.workspace.access.control.AccessPolicy;
import de.zusammenwachsen.workspace.access.control.Caller;
import de.zusammenwachsen.workspace.access.control.GroupAction;
import de.zusammenwachsen.workspace.access.control.MeetingAction;
import de.zusammenwachsen.workspace.access.control.Viewer;
import de.zusammenwachsen.workspace.core.InvalidInputException;
import de.zusammenwachsen.workspace.core.Page;
import de.zusammenwachsen.workspace.core.Texts;
import de.zusammenwachsen.workspace.group.control.GroupDirectory;
import de.zusammenwachsen.workspace.group.entity.JoinPolicy;
import de.zusammenwachsen.workspace.group.entity.Visibility;
import de.zusammenwachsen.workspace.meeting.control.RegisterCounts;
import de.zusammenwachsen.workspace.meeting.entity.Outcome;
import de.zusammenwachsen.workspace.meeting.entity.VoteMode;
import de.zusammenwachsen.workspace.network.boundary.Network;
import de.zusammenwachsen.workspace.network.control.NetworkCache;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The network's decisions register (Beschlussregister): the decisions of approved minutes of every group the viewer
 * may read, and every published decision for everyone, guests included.
 *
 * <p>Who sees what is part of the query itself (published, or a group whose meetings the viewer may read), never a
 * filter over fetched rows, so that totals and pages are right. The condition mirrors
 * {@link AccessPolicy#permits(Viewer, MeetingAction, AccessPolicy.GroupFacts, Long) MeetingAction.READ}: members,
 * administrators, and every logged-in account for public groups. Each page costs one page query; its totals come
 * from the shared {@link RegisterCounts} under the same condition (from a count query when the filter names dates
 * or words); the group facts come with the page rows, action fields and regions from the network cache.
 *
 * <p>A published decision is for everyone, the group and meeting it comes from are not: a row names its group only
 * for a viewer who may see that the group exists, and its meeting only for one who may read the group's meetings
 * ({@link AccessPolicy#seesGroup}, {@link AccessPolicy#readsContent}); anyone else reads a neutral name ("a working
 * group of the network") and no slug. The group filter and the groups offered for it follow the same rule, so that
 * a hidden group's slug answers like an unknown one.
 */
@Stateless
public class DecisionRegister {

    /** The feed carries the newest published decisions only; readers that want more use the register. */
    public static final int FEED_SIZE = 50;
    static final int MAX_TEXT = 200;

    /**
     * Decisions of approved minutes; callers add the viewer's and the filter's conditions, which name groups by id
     * (resolved beforehand from a few small tables), so that counting and paging read the decision table alone.
     */
    private static final String FROM = " from Decision d where d.approvedAt is not null";

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    NetworkCache network;

    @Inject
    RegisterCounts counts;

    @Inject
    GroupDirectory directory;

    private final AccessPolicy policy = new AccessPolicy();

    /**
     * One page of the register for the current viewer, newest decision first, with totals for the whole filter; a
     * group the viewer may not see is named in the given language.
     */
    public RegisterView.Register page(RegisterView.Filter filter, int first, int size, Locale locale) {
        Viewer viewer = caller.viewer();
        Where where = where(viewer, filter == null ? RegisterView.Filter.NONE : filter, false);
        RegisterView.Totals totals = where.byGroupAndOutcome ? shared(where) : counted(where);
        int pageSize = Page.clampSize(size);
        int start = Math.max(0, first);
        List<RegisterView.Entry> entries = totals.decisions() <= start ? List.of()
                : entries(viewer, where, " order by d.decidedOn desc, d.minutesId desc, d.position, d.id", start, pageSize,
                locale);
        return new RegisterView.Register(new Page<>(entries, totals.decisions(), start, pageSize), totals);
    }

    /** Totals from the shared counts, for a filter by groups and outcome only (most pages). */
    private RegisterView.Totals shared(Where where) {
        RegisterCounts.Totals t = counts.totals(where.readable, where.groups, where.outcome);
        return new RegisterView.Totals(t.decisions(), t.adopted(), t.rejected(), t.postponed(), t.groups());
    }

    /** Totals counted by the database, for filters by date, text or one decision. */
    private RegisterView.Totals counted(Where where) {
        Object[] totals = where.apply(em.createQuery("select count(d), "
                + "sum(case when d.outcome = :adopted then 1 else 0 end), "
                + "sum(case when d.outcome = :rejected then 1 else 0 end), "
                + "sum(case when d.outcome = :postponed then 1 else 0 end), "
                + "count(distinct d.groupId)" + FROM + where.sql, Object[].class))
                .setParameter("adopted", Outcome.ADOPTED).setParameter("rejected", Outcome.REJECTED)
                .setParameter("postponed", Outcome.POSTPONED).getSingleResult();
        return new RegisterView.Totals(number(totals[0]), number(totals[1]), number(totals[2]), number(totals[3]),
                number(totals[4]));
    }

    /**
     * The newest published decisions (by the time their minutes were approved) for the Atom feed: the same for
     * everyone, so they are shown as to a guest: no minutes links, no meeting titles, and a hidden group neither
     * named nor linked.
     */
    public List<RegisterView.Entry> published(RegisterView.Filter filter, Locale locale) {
        Where where = where(Viewer.GUEST, filter == null ? RegisterView.Filter.NONE : filter, true);
        return entries(Viewer.GUEST, where, " order by d.approvedAt desc, d.id desc", 0, FEED_SIZE, locale);
    }

    /**
     * The groups the viewer sees decisions of, for the register's group filter, by name (from the shared counts):
     * only those the viewer may see at all, since the list names them.
     */
    public List<RegisterView.GroupChoice> groups() {
        Viewer viewer = caller.viewer();
        Where where = where(viewer, RegisterView.Filter.NONE, false);
        return counts.groupsWithDecisions(where.readable).stream()
                .map(directory::group).filter(Objects::nonNull)
                .filter(g -> policy.seesGroup(viewer, g.id(), g.visibility()))
                .sorted(Comparator.comparing((GroupDirectory.Entry g) -> g.name().toLowerCase(Locale.ROOT))
                        .thenComparing(GroupDirectory.Entry::id))
                .map(g -> new RegisterView.GroupChoice(g.slug(), g.name()))
                .toList();
    }

    private List<RegisterView.Entry> entries(Viewer viewer, Where where, String order, int first, int max,
                                             Locale locale) {
        List<Object[]> rows = where.apply(em.createQuery("select d.id, d.wording, d.voteMode, d.votesFor, d.votesAgainst, "
                        + "d.abstentions, d.outcome, d.published, d.decidedOn, d.approvedAt, d.groupId, d.minutesId"
                        + FROM + where.sql + order, Object[].class))
                .setFirstResult(first).setMaxResults(max).getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        Set<Long> groupIds = rows.stream().map(row -> (Long) row[10]).collect(Collectors.toCollection(LinkedHashSet::new));
        Set<Long> minutesIds = rows.stream().map(row -> (Long) row[11]).collect(Collectors.toSet());
        Map<Long, Object[]> groups = new HashMap<>();
        em.createQuery("select g.id, g.slug, g.name, g.visibility, g.joinPolicy, g.archived from WorkingGroup g "
                        + "where g.id in :ids", Object[].class).setParameter("ids", groupIds).getResultList()
                .forEach(row -> groups.put((Long) row[0], row));
        Map<Long, Object[]> meetings = new HashMap<>();
        em.createQuery("select mi.id, m.id, m.title from Minutes mi join mi.meeting m where mi.id in :ids", Object[].class)
                .setParameter("ids", minutesIds).getResultList().forEach(row -> meetings.put((Long) row[0], row));
        Map<Long, List<Network.ActionFieldInfo>> fields = attached(groupIds,
                "select g.id, af.id from WorkingGroup g join g.actionFields af where g.id in :ids order by af.position",
                network.actionFields(), Network.ActionFieldInfo::id);
        Map<Long, List<Network.RegionInfo>> regions = attached(groupIds,
                "select g.id, r.id from WorkingGroup g join g.regions r where g.id in :ids order by r.position",
                network.regions(), Network.RegionInfo::id);
        List<RegisterView.Entry> entries = new ArrayList<>(rows.size());
        RegisterView.GroupRef anonymous = new RegisterView.GroupRef(Texts.get(locale == null ? Locale.GERMAN : locale,
                AccessPolicy.ANONYMOUS_GROUP), null);
        for (Object[] row : rows) {
            Long groupId = (Long) row[10];
            Object[] group = groups.get(groupId);
            Object[] meeting = meetings.get((Long) row[11]);
            AccessPolicy.GroupFacts facts = new AccessPolicy.GroupFacts(groupId, (Visibility) group[3],
                    (JoinPolicy) group[4], (Boolean) group[5]);
            boolean seesGroup = policy.permits(viewer, GroupAction.SEE_GROUP, facts);
            // Whoever may not read the group's meetings reads the decision only: neither minutes link nor title.
            boolean readsMinutes = policy.permits(viewer, MeetingAction.READ, facts, null);
            entries.add(new RegisterView.Entry((Long) row[0], (String) row[1], (VoteMode) row[2], (Integer) row[3],
                    (Integer) row[4], (Integer) row[5], (Outcome) row[6], (Boolean) row[7], (LocalDate) row[8],
                    (Instant) row[9], seesGroup ? new RegisterView.GroupRef((String) group[2], (String) group[1]) : anonymous,
                    fields.getOrDefault(groupId, List.of()), regions.getOrDefault(groupId, List.of()),
                    readsMinutes ? (String) meeting[2] : null, readsMinutes ? (Long) meeting[1] : null));
        }
        return entries;
    }

    /** The action fields or regions of the page's groups, one query for all of them, resolved from the cache. */
    private <T> Map<Long, List<T>> attached(Set<Long> groupIds, String query, List<T> known, Function<T, Long> id) {
        if (groupIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, T> byId = known.stream().collect(Collectors.toMap(id, t -> t));
        Map<Long, List<T>> result = new HashMap<>();
        for (Object[] row : em.createQuery(query, Object[].class).setParameter("ids", groupIds).getResultList()) {
            T item = byId.get((Long) row[1]);
            if (item != null) {
                result.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add(item);
            }
        }
        return result;
    }

    /**
     * The conditions for a viewer and a filter, appended to {@link #FROM}'s where clause, with their parameters.
     * A filter value that names nothing (an unknown action field or region) matches nothing, as a search would.
     */
    Where where(Viewer viewer, RegisterView.Filter f, boolean publishedOnly) {
        Where w = new Where();
        if (publishedOnly || viewer.isGuest()) {
            w.and("d.published = true");
            w.readable = Set.of();
        } else if (!viewer.administrator()) {
            // The groups whose meetings the viewer may read (AccessPolicy: public groups for accounts, and their own).
            Set<Long> readable = new HashSet<>(publicGroupIds());
            readable.addAll(viewer.roles().keySet());
            w.readable = Set.copyOf(readable);
            if (readable.isEmpty()) {
                w.and("d.published = true");
            } else {
                w.and("(d.published = true or d.groupId in :readable)").param("readable", readable);
            }
        }
        if (f.decision() != null) {
            w.and("d.id = :decision").param("decision", f.decision());
            w.byGroupAndOutcome = false;
        }
        if (blank(f.actionField()) != null) {
            Long field = network.actionFields().stream().filter(a -> a.slug().equals(f.actionField().strip()))
                    .map(Network.ActionFieldInfo::id).findFirst().orElse(-1L);
            w.inGroups("field", groupIds("select g.id from WorkingGroup g join g.actionFields af where af.id = :v", field));
        }
        if (blank(f.region()) != null) {
            w.inGroups("region", groupIds("select g.id from WorkingGroup g join g.regions r where r.id = :v",
                    region(f.region().strip())));
        }
        if (blank(f.group()) != null) {
            // A group the viewer may not see is filtered for like an unknown slug: nothing, and the same totals.
            List<Long> seen = groupsBySlug(f.group().strip()).entrySet().stream()
                    .filter(g -> policy.seesGroup(viewer, g.getKey(), g.getValue())).map(Map.Entry::getKey).toList();
            w.inGroups("group", seen);
        }
        if (f.from() != null) {
            w.and("d.decidedOn >= :from").param("from", f.from());
            w.byGroupAndOutcome = false;
        }
        if (f.to() != null) {
            w.and("d.decidedOn <= :to").param("to", f.to());
            w.byGroupAndOutcome = false;
        }
        if (f.outcome() != null) {
            w.and("d.outcome = :outcome").param("outcome", f.outcome());
            w.outcome = f.outcome();
        }
        String text = blank(f.text());
        if (text != null) {
            if (text.length() > MAX_TEXT) {
                throw new InvalidInputException("decisions.text.tooLong", MAX_TEXT);
            }
            // The wording is a large text column (CLOB on H2); cast to a string so that lower() takes it everywhere.
            w.and("lower(cast(d.wording as String)) like :text escape '\\'")
                    .param("text", "%" + escapeLike(text.strip().toLowerCase(Locale.ROOT)) + "%");
            w.byGroupAndOutcome = false;
        }
        return w;
    }

    /** The public groups' ids; overridden by the unit test, which has no database. */
    List<Long> publicGroupIds() {
        return directory.publicGroupIds();
    }

    /** Ids of groups, by a query with one parameter {@code v}; overridden by the unit test, which has no database. */
    List<Long> groupIds(String query, Object value) {
        return em.createQuery(query, Long.class).setParameter("v", value).getResultList();
    }

    /** The group with this slug (none or one) and its visibility; overridden by the unit test, which has no database. */
    Map<Long, Visibility> groupsBySlug(String slug) {
        Map<Long, Visibility> found = new HashMap<>();
        em.createQuery("select g.id, g.visibility from WorkingGroup g where g.slug = :v", Object[].class)
                .setParameter("v", slug).getResultList().forEach(row -> found.put((Long) row[0], (Visibility) row[1]));
        return found;
    }

    /** A region by slug or by id. */
    private Long region(String value) {
        return network.regions().stream()
                .filter(r -> r.slug().equals(value) || String.valueOf(r.id()).equals(value))
                .map(Network.RegionInfo::id).findFirst().orElse(-1L);
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /**
     * A where clause in the making: conditions joined by "and", and the parameters they use; besides, what the
     * shared counts need to total it when it narrows by groups and outcome only ({@code byGroupAndOutcome}).
     */
    static final class Where {

        final StringBuilder sql = new StringBuilder();
        final Map<String, Object> params = new HashMap<>();
        /** Groups whose unpublished decisions the viewer sees; null: all (administrators). */
        Set<Long> readable;
        /** The groups the filters leave (each narrows the last); null: no filter by group. */
        Set<Long> groups;
        Outcome outcome;
        boolean byGroupAndOutcome = true;

        Where and(String condition) {
            sql.append(" and ").append(condition);
            return this;
        }

        /** Only decisions of these groups; none at all when there are none. */
        Where inGroups(String name, List<Long> groupIds) {
            Set<Long> left = new HashSet<>(groupIds);
            if (groups != null) {
                left.retainAll(groups);
            }
            groups = Set.copyOf(left);
            if (groupIds.isEmpty()) {
                return and("1 = 0");
            }
            return and("d.groupId in :" + name).param(name, Set.copyOf(groupIds));
        }

        Where param(String name, Object value) {
            params.put(name, Objects.requireNonNull(value));
            return this;
        }

        <T> TypedQuery<T> apply(TypedQuery<T> query) {
            params.forEach(query::setParameter);
            return query;
        }

        @Override
        public String toString() {
            return sql.toString();
        }
    }
}
