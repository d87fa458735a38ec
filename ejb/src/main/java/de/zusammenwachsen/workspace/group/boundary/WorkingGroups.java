package de.zusammenwachsen.workspace.group.boundary;

import de.zusammenwachsen.workspace.search.control.SearchIndex;
import de.zusammenwachsen.workspace.access.control.AccessPolicy;
import de.zusammenwachsen.workspace.access.control.Caller;
import de.zusammenwachsen.workspace.access.control.GroupAction;
import de.zusammenwachsen.workspace.access.control.Viewer;
import de.zusammenwachsen.workspace.account.control.EmailAddress;
import de.zusammenwachsen.workspace.account.entity.Account;
import de.zusammenwachsen.workspace.audit.boundary.AuditLog;
import de.zusammenwachsen.workspace.core.ConflictException;
import de.zusammenwachsen.workspace.core.Flush;
import de.zusammenwachsen.workspace.core.InvalidInputException;
import de.zusammenwachsen.workspace.core.Page;
import de.zusammenwachsen.workspace.group.control.GroupInput;
import de.zusammenwachsen.workspace.group.control.Groups;
import de.zusammenwachsen.workspace.group.entity.JoinPolicy;
import de.zusammenwachsen.workspace.group.entity.RequestState;
import de.zusammenwachsen.workspace.group.entity.Role;
import de.zusammenwachsen.workspace.group.entity.Visibility;
import de.zusammenwachsen.workspace.group.entity.WorkingGroup;
import de.zusammenwachsen.workspace.network.boundary.Network;
import de.zusammenwachsen.workspace.network.entity.ActionField;
import de.zusammenwachsen.workspace.network.entity.Region;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Working groups: the directory everyone may browse (within what they may see), a group's home, and the
 * administrators' and moderators' changes to groups. Every method asks the {@link AccessPolicy}.
 */
@Stateless
public class WorkingGroups {

    /** The columns of a {@link GroupView.Summary}, read by {@link #summary}; callers add where and order by. */
    private static final String SUMMARY = "select g.id, g.slug, g.name, g.description, g.visibility, g.joinPolicy, g.archived, "
            + "pf.name, (select count(m) from Membership m where m.group = g) from WorkingGroup g join g.primaryActionField pf";

    @PersistenceContext
    EntityManager em;

    @Inject
    SearchIndex searchIndex;

    @Inject
    Caller caller;

    @Inject
    Groups groups;

    @Inject
    AuditLog audit;

    private final AccessPolicy policy = new AccessPolicy();

    /** The network-wide directory: groups the viewer may see, filtered, by name, paged. */
    public Page<GroupView.Summary> directory(GroupView.Filter filter, int first, int size) {
        Viewer viewer = caller.viewer();
        GroupView.Filter f = filter == null ? GroupView.Filter.ANY : filter;
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (!viewer.administrator()) {
            if (viewer.roles().isEmpty()) {
                where.append(" and g.visibility <> :hidden");
            } else {
                where.append(" and (g.visibility <> :hidden or g.id in :mine)");
                params.put("mine", viewer.roles().keySet());
            }
            params.put("hidden", Visibility.HIDDEN);
        }
        if (!f.includeArchived()) {
            where.append(" and g.archived = false");
        }
        if (f.actionField() != null && !f.actionField().isBlank()) {
            where.append(" and exists (select 1 from WorkingGroup g2 join g2.actionFields af where g2 = g and af.slug = :field)");
            params.put("field", f.actionField());
        }
        if (f.region() != null && !f.region().isBlank()) {
            where.append(" and exists (select 1 from WorkingGroup g3 join g3.regions r where g3 = g and r.slug = :region)");
            params.put("region", f.region());
        }
        if (f.visibility() != null) {
            where.append(" and g.visibility = :visibility");
            params.put("visibility", f.visibility());
        }
        if (f.text() != null && !f.text().isBlank()) {
            where.append(" and (lower(g.name) like :text escape '\\' or lower(g.description) like :text escape '\\')");
            params.put("text", "%" + escapeLike(f.text().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        TypedQuery<Object[]> query = em.createQuery(SUMMARY + where + " order by lower(g.name), g.id", Object[].class);
        TypedQuery<Long> count = em.createQuery("select count(g) from WorkingGroup g" + where, Long.class);
        params.forEach((k, v) -> {
            query.setParameter(k, v);
            count.setParameter(k, v);
        });
        int pageSize = Page.clampSize(size);
        List<GroupView.Summary> items = query.setFirstResult(Math.max(0, first)).setMaxResults(pageSize).getResultList()
                .stream().map(row -> summary(row, viewer)).toList();
        return new Page<>(items, count.getSingleResult(), Math.max(0, first), pageSize);
    }

    /** The viewer's own groups, for the dashboard, by name. */
    public List<GroupView.Summary> mine() {
        Viewer viewer = caller.viewer();
        policy.requireAccount(viewer);
        if (viewer.roles().isEmpty()) {
            return List.of();
        }
        return em.createQuery(SUMMARY + " where g.id in :mine order by g.archived, lower(g.name)", Object[].class)
                .setParameter("mine", viewer.roles().keySet()).getResultList()
                .stream().map(row -> summary(row, viewer)).toList();
    }

    public GroupView.Detail bySlug(String slug) {
        WorkingGroup group = groups.bySlug(slug);
        Viewer viewer = caller.viewer();
        policy.require(viewer, GroupAction.SEE_GROUP, group);
        return detail(group, viewer);
    }

    /**
     * What a group's home page shows, in one transaction: the group, and up to {@code previewSize} members (moderators
     * first) if the viewer may see them. The home page is the most visited page, so it costs one call, not two.
     */
    public GroupView.Home home(String slug, int previewSize) {
        WorkingGroup group = groups.bySlug(slug);
        Viewer viewer = caller.viewer();
        policy.require(viewer, GroupAction.SEE_GROUP, group);
        List<GroupView.Member> members = !policy.permits(viewer, GroupAction.SEE_MEMBERS, group) ? List.of()
                : Memberships.memberQuery(em, "").setParameter("g", group).setMaxResults(Page.clampSize(previewSize)).getResultList();
        return new GroupView.Home(detail(group, viewer), members);
    }

    /** Creates a group; administrators only. The named people become its moderators (the creator if none). */
    public GroupView.Detail create(GroupInput input, List<String> moderatorEmails) {
        Viewer viewer = caller.viewer();
        policy.requireAdministrator(viewer);
        GroupInput in = input.cleaned();
        in.requireValidSlug();
        if (em.createQuery("select count(g) from WorkingGroup g where g.slug = :slug", Long.class)
                .setParameter("slug", in.slug()).getSingleResult() > 0) {
            throw new ConflictException("group.slug.taken");
        }
        List<Account> moderators = new ArrayList<>();
        for (String email : moderatorEmails == null ? List.<String>of() : moderatorEmails) {
            if (email == null || email.isBlank()) {
                continue;
            }
            Account account = groups.accountByEmail(EmailAddress.require(email));
            if (account == null || !account.isActive()) {
                throw new InvalidInputException("group.moderator.unknown", email.strip());
            }
            if (!moderators.contains(account)) {
                moderators.add(account);
            }
        }
        if (moderators.isEmpty()) {
            moderators.add(groups.account(viewer.accountId()));
        }
        List<ActionField> fields = actionFields(in.actionFields());
        WorkingGroup group = new WorkingGroup(in.slug(), in.name(), fields.get(0));
        group.configure(in.name(), in.description(), fields.get(0), new LinkedHashSet<>(fields),
                new LinkedHashSet<>(regions(in.regions())), in.visibility(), in.joinPolicy());
        Flush.orConflict(em, "group.slug.taken", () -> {
            em.persist(group);
            for (Account moderator : moderators) {
                group.admit(moderator, Role.MODERATOR);
            }
        });
        audit.record("group.created", group, group.getName(), null);
        for (Account moderator : moderators) {
            audit.record("moderator.appointed", group, moderator.getDisplayName(), null);
        }
        caller.refresh();
        return detail(group, caller.viewer());
    }

    /** Changes a group's settings; moderators and administrators. The slug stays, so that links keep working. */
    public GroupView.Detail update(String slug, int expectedVersion, GroupInput input) {
        WorkingGroup group = groups.bySlug(slug);
        Viewer viewer = caller.viewer();
        policy.require(viewer, GroupAction.EDIT_SETTINGS, group);
        if (group.getVersion() != expectedVersion) {
            throw new ConflictException("error.changedMeanwhile");
        }
        GroupInput in = input.cleaned();
        List<ActionField> fields = actionFields(in.actionFields());
        group.configure(in.name(), in.description(), fields.get(0), new LinkedHashSet<>(fields),
                new LinkedHashSet<>(regions(in.regions())), in.visibility(), in.joinPolicy());
        em.flush();
        searchIndex.group(group);
        audit.record("group.updated", group, group.getName(), in.visibility() + ", " + in.joinPolicy());
        return detail(group, viewer);
    }

    /** Administrators appoint a moderator: a member is promoted, anyone else admitted as moderator. */
    public void appointModerator(String slug, String email) {
        WorkingGroup group = groups.bySlugForUpdate(slug);
        Viewer viewer = caller.viewer();
        policy.require(viewer, GroupAction.SEE_GROUP, group);
        policy.requireAdministrator(viewer);
        group.requireActive();
        Account account = groups.accountByEmail(EmailAddress.require(email));
        if (account == null || !account.isActive()) {
            throw new InvalidInputException("group.moderator.unknown", email.strip());
        }
        if (group.isMember(account)) {
            group.changeRole(account, Role.MODERATOR);
        } else {
            group.admit(account, Role.MODERATOR);
        }
        em.flush();
        audit.record("moderator.appointed", group, account.getDisplayName(), null);
    }

    /** The group's own room for documents in MB, or null when it has the configured default; administrators only. */
    public Long documentQuotaMb(String slug) {
        WorkingGroup group = groups.bySlug(slug);
        policy.require(caller.viewer(), GroupAction.SEE_GROUP, group);
        policy.requireAdministrator(caller.viewer());
        return group.getDocumentQuotaMb();
    }

    public long defaultDocumentQuotaMb() {
        return de.zusammenwachsen.workspace.document.control.DocumentSettings.defaultQuotaBytes() / (1024 * 1024);
    }

    /** Gives a group more (or less) room for documents than the default (null: back to the default); administrators only. */
    public void allotDocumentSpace(String slug, Long megabytes) {
        WorkingGroup group = groups.bySlug(slug);
        policy.require(caller.viewer(), GroupAction.SEE_GROUP, group);
        policy.requireAdministrator(caller.viewer());
        group.allotDocumentSpace(megabytes);
        audit.record("group.quota", group, group.getName(), megabytes == null ? "-" : megabytes + " MB");
    }

    /** Archived groups stay readable for their members but nobody can change them any more. */
    public void archive(String slug, boolean archived) {
        WorkingGroup group = groups.bySlug(slug);
        policy.require(caller.viewer(), GroupAction.ARCHIVE, group);
        if (group.isArchived() == archived) {
            return;
        }
        if (archived) {
            group.archive();
        } else {
            group.unarchive();
        }
        em.flush();
        audit.record(archived ? "group.archived" : "group.unarchived", group, group.getName(), null);
    }

    GroupView.Detail detail(WorkingGroup group, Viewer viewer) {
        Set<GroupAction> allowed = EnumSet.noneOf(GroupAction.class);
        for (GroupAction action : GroupAction.values()) {
            if (policy.permits(viewer, action, group)) {
                allowed.add(action);
            }
        }
        RequestState myRequest = null;
        if (!viewer.isGuest()) {
            myRequest = em.createQuery("select r.state from JoinRequest r where r.group = :g and r.account.id = :a "
                            + "order by r.createdAt desc", RequestState.class)
                    .setParameter("g", group).setParameter("a", viewer.accountId()).setMaxResults(1)
                    .getResultStream().findFirst().orElse(null);
        }
        return new GroupView.Detail(group.getId(), group.getSlug(), group.getName(), group.getDescription(),
                group.getVisibility(), group.getJoinPolicy(), group.isArchived(),
                group.getActionFields().stream().map(Network.ActionFieldInfo::of).toList(),
                group.getRegions().stream().map(Network.RegionInfo::of).toList(),
                groups.memberCount(group), viewer.roleIn(group.getId()).orElse(null), myRequest, allowed,
                group.getCreatedAt(), group.getVersion());
    }

    private List<ActionField> actionFields(List<String> slugs) {
        return bySlugs(ActionField.class, ActionField::getSlug, slugs, "group.actionField.unknown");
    }

    private List<Region> regions(List<String> slugs) {
        return bySlugs(Region.class, Region::getSlug, slugs, "group.region.unknown");
    }

    /** Loads the named action fields or regions with one query, in the order given; an unknown slug is refused. */
    private <T> List<T> bySlugs(Class<T> type, Function<T, String> slugOf, List<String> slugs, String unknownKey) {
        if (slugs.isEmpty()) {
            return List.of();
        }
        Map<String, T> found = em.createQuery("select x from " + type.getSimpleName() + " x where x.slug in :slugs", type)
                .setParameter("slugs", slugs).getResultStream().collect(Collectors.toMap(slugOf, x -> x));
        List<T> result = new ArrayList<>();
        for (String slug : slugs) {
            T item = found.get(slug);
            if (item == null) {
                throw new InvalidInputException(unknownKey, slug);
            }
            result.add(item);
        }
        return result;
    }

    private static GroupView.Summary summary(Object[] row, Viewer viewer) {
        Long id = (Long) row[0];
        String description = (String) row[3];
        String teaser = description == null ? "" : description.length() <= 240 ? description : description.substring(0, 239) + "…";
        return new GroupView.Summary(id, (String) row[1], (String) row[2], teaser, (Visibility) row[4],
                (JoinPolicy) row[5], (Boolean) row[6], (String) row[7],
                (Long) row[8], viewer.roleIn(id).orElse(null));
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
