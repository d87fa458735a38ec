package de.zusammenwachsen.workspace.group.entity;

import de.zusammenwachsen.workspace.search.control.SearchableBinder;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.TypeBinderRef;
import org.hibernate.search.mapper.pojo.common.annotation.Param;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.TypeBinding;
import de.zusammenwachsen.workspace.account.entity.Account;
import de.zusammenwachsen.workspace.core.ConflictException;
import de.zusammenwachsen.workspace.core.InvalidInputException;
import de.zusammenwachsen.workspace.network.entity.ActionField;
import de.zusammenwachsen.workspace.network.entity.Region;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import de.zusammenwachsen.workspace.group.control.GroupChanges;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A working group (Arbeitsgruppe). Owns its memberships and guards their rules: one membership per person,
 * and a group never loses its last moderator.
 */
@Entity
@EntityListeners(GroupChanges.class)
@Indexed(index = "group")
@TypeBinding(binder = @TypeBinderRef(type = SearchableBinder.class,
        params = @Param(name = SearchableBinder.DEPENDS_ON, value = "slug,name,description,visibility,createdAt")))
@Table(name = "working_group")
public class WorkingGroup {

    public static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 80)
    private String slug;

    @Column(nullable = false, length = 150)
    private String name;

    @Column(length = 5000)
    private String description;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "primary_action_field_id")
    private ActionField primaryActionField;

    @ManyToMany
    @JoinTable(name = "working_group_action_field",
            joinColumns = @JoinColumn(name = "group_id"), inverseJoinColumns = @JoinColumn(name = "action_field_id"))
    @OrderBy("position")
    private Set<ActionField> actionFields = new LinkedHashSet<>();

    @ManyToMany
    @JoinTable(name = "working_group_region",
            joinColumns = @JoinColumn(name = "group_id"), inverseJoinColumns = @JoinColumn(name = "region_id"))
    @OrderBy("position")
    private Set<Region> regions = new LinkedHashSet<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Visibility visibility;

    @Enumerated(EnumType.STRING)
    @Column(name = "join_policy", nullable = false, length = 12)
    private JoinPolicy joinPolicy;

    @Column(nullable = false)
    private boolean archived;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Room for documents in MB; null: the configured default. */
    @Column(name = "document_quota_mb")
    private Long documentQuotaMb;

    @OneToMany(mappedBy = "group", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<Membership> memberships = new ArrayList<>();

    @Version
    private int version;

    protected WorkingGroup() {
    }

    public WorkingGroup(String slug, String name, ActionField primaryActionField) {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            throw new InvalidInputException("group.slug.invalid");
        }
        this.slug = slug;
        this.name = name;
        this.primaryActionField = primaryActionField;
        this.actionFields.add(primaryActionField);
        this.visibility = Visibility.PUBLIC;
        this.joinPolicy = JoinPolicy.REQUEST;
        this.createdAt = Instant.now();
    }

    /** Settings that moderators may change. The primary action field is always among the action fields. */
    public void configure(String name, String description, ActionField primary, Set<ActionField> fields,
                          Set<Region> regions, Visibility visibility, JoinPolicy joinPolicy) {
        requireActive();
        this.name = name;
        this.description = description;
        this.primaryActionField = primary;
        this.actionFields.clear();
        this.actionFields.add(primary);
        this.actionFields.addAll(fields);
        this.regions.clear();
        this.regions.addAll(regions);
        this.visibility = visibility;
        this.joinPolicy = joinPolicy;
    }

    public Optional<Membership> membershipOf(Account account) {
        return memberships.stream().filter(m -> m.getAccount().getId().equals(account.getId())).findFirst();
    }

    public boolean isMember(Account account) {
        return membershipOf(account).isPresent();
    }

    public Membership admit(Account account, Role role) {
        requireActive();
        if (isMember(account)) {
            throw new ConflictException("membership.already");
        }
        Membership membership = new Membership(this, account, role);
        memberships.add(membership);
        return membership;
    }

    /** Ends a membership (leaving or removal); refuses when it would leave the group without a moderator. */
    public void release(Account account) {
        requireActive();
        Membership membership = membershipOf(account).orElseThrow(() -> new ConflictException("membership.none"));
        if (membership.isModerator() && moderatorCount() == 1) {
            throw new ConflictException("membership.lastModerator");
        }
        memberships.remove(membership);
    }

    public void changeRole(Account account, Role role) {
        requireActive();
        Membership membership = membershipOf(account).orElseThrow(() -> new ConflictException("membership.none"));
        if (membership.isModerator() && role == Role.MEMBER && moderatorCount() == 1) {
            throw new ConflictException("membership.lastModerator");
        }
        membership.assign(role);
    }

    public long moderatorCount() {
        return memberships.stream().filter(Membership::isModerator).count();
    }

    public void archive() {
        this.archived = true;
    }

    public void unarchive() {
        this.archived = false;
    }

    /** Archived groups are read-only. */
    public void requireActive() {
        if (archived) {
            throw new ConflictException("group.archived");
        }
    }

    public Long getDocumentQuotaMb() {
        return documentQuotaMb;
    }

    /** Sets the group's room for documents in MB (null: the default); only administrators reach this. */
    public void allotDocumentSpace(Long megabytes) {
        if (megabytes != null && megabytes < 1) {
            throw new InvalidInputException("group.quota.invalid");
        }
        this.documentQuotaMb = megabytes;
    }

    public Long getId() {
        return id;
    }

    public String getSlug() {
        return slug;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public ActionField getPrimaryActionField() {
        return primaryActionField;
    }

    public Set<ActionField> getActionFields() {
        return actionFields;
    }

    public Set<Region> getRegions() {
        return regions;
    }

    public Visibility getVisibility() {
        return visibility;
    }

    public JoinPolicy getJoinPolicy() {
        return joinPolicy;
    }

    public boolean isArchived() {
        return archived;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public List<Membership> getMemberships() {
        return memberships;
    }

    public int getVersion() {
        return version;
    }
}
