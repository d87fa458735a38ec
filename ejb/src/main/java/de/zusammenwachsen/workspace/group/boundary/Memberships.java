package de.zusammenwachsen.workspace.group.boundary;

import de.zusammenwachsen.workspace.access.control.AccessPolicy;
import de.zusammenwachsen.workspace.access.control.Caller;
import de.zusammenwachsen.workspace.access.control.GroupAction;
import de.zusammenwachsen.workspace.access.control.Viewer;
import de.zusammenwachsen.workspace.account.boundary.Accounts;
import de.zusammenwachsen.workspace.account.control.EmailAddress;
import de.zusammenwachsen.workspace.account.control.SecretTokens;
import de.zusammenwachsen.workspace.account.entity.Account;
import de.zusammenwachsen.workspace.account.entity.Language;
import de.zusammenwachsen.workspace.audit.boundary.AuditLog;
import de.zusammenwachsen.workspace.core.ConflictException;
import de.zusammenwachsen.workspace.core.Flush;
import de.zusammenwachsen.workspace.core.InvalidInputException;
import de.zusammenwachsen.workspace.core.NotFoundException;
import de.zusammenwachsen.workspace.core.Page;
import de.zusammenwachsen.workspace.core.Settings;
import de.zusammenwachsen.workspace.group.control.Groups;
import de.zusammenwachsen.workspace.group.entity.Invitation;
import de.zusammenwachsen.workspace.group.entity.JoinRequest;
import de.zusammenwachsen.workspace.group.entity.Membership;
import de.zusammenwachsen.workspace.group.entity.RequestState;
import de.zusammenwachsen.workspace.group.entity.Role;
import de.zusammenwachsen.workspace.group.entity.WorkingGroup;
import de.zusammenwachsen.workspace.notification.boundary.Mails;
import de.zusammenwachsen.workspace.notification.control.Notifier;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Who belongs to a group and how people get in and out: joining open groups, requests that moderators decide,
 * invitations by e-mail, leaving, removal and roles. Each change is audited and, where someone should know,
 * mailed through the outbox in the same transaction.
 */
@Stateless
public class Memberships {

    public static final int REQUEST_MESSAGE_MAX = 1000;

    @PersistenceContext
    EntityManager em;

    @Inject
    Notifier notifier;

    @Inject
    Caller caller;

    @Inject
    Groups groups;

    @Inject
    AuditLog audit;

    @Inject
    Mails mails;

    @Inject
    Accounts accounts;

    private final AccessPolicy policy = new AccessPolicy();

    /** The member list, moderators first, then by name; searchable by name or organisation. */
    public Page<GroupView.Member> members(String slug, String text, int first, int size) {
        WorkingGroup group = groups.bySlug(slug);
        policy.require(caller.viewer(), GroupAction.SEE_MEMBERS, group);
        String filter = text == null || text.isBlank() ? ""
                : " and (lower(a.displayName) like :text escape '\\' or lower(a.organisation) like :text escape '\\')";
        var query = memberQuery(em, filter);
        var count = em.createQuery("select count(m) from Membership m join m.account a where m.group = :g" + filter, Long.class);
        query.setParameter("g", group);
        count.setParameter("g", group);
        if (!filter.isEmpty()) {
            String like = "%" + WorkingGroups.escapeLike(text.strip().toLowerCase(Locale.ROOT)) + "%";
            query.setParameter("text", like);
            count.setParameter("text", like);
        }
        int pageSize = Page.clampSize(size);
        return new Page<>(query.setFirstResult(Math.max(0, first)).setMaxResults(pageSize).getResultList(),
                count.getSingleResult(), Math.max(0, first), pageSize);
    }

    /** Members of {@code :g}, moderators first, then by name; {@code filter} adds conditions on {@code m} and {@code a}. */
    static TypedQuery<GroupView.Member> memberQuery(EntityManager em, String filter) {
        return em.createQuery("select new " + GroupView.Member.class.getName()
                + "(a.id, a.displayName, a.organisation, m.role, m.since) from Membership m join m.account a "
                + "where m.group = :g" + filter + " order by m.role desc, lower(a.displayName), a.id", GroupView.Member.class);
    }

    /** Joins an open group at once. */
    public void join(String slug) {
        WorkingGroup group = groups.bySlugForUpdate(slug);
        policy.require(caller.viewer(), GroupAction.JOIN, group);
        Account me = groups.account(caller.accountId());
        group.admit(me, Role.MEMBER);
        Flush.orConflict(em, "membership.already");
        audit.record("membership.joined", group, me.getDisplayName(), null);
        caller.refresh();
    }

    /** Asks to join a group with policy REQUEST; its moderators get an e-mail. One open request at a time. */
    public Long request(String slug, String message) {
        // Locked, so that a double submit cannot leave two open requests.
        WorkingGroup group = groups.bySlugForUpdate(slug);
        policy.require(caller.viewer(), GroupAction.REQUEST_TO_JOIN, group);
        String text = message == null || message.isBlank() ? null : message.strip();
        if (text != null && text.length() > REQUEST_MESSAGE_MAX) {
            throw new InvalidInputException("request.message.tooLong", REQUEST_MESSAGE_MAX);
        }
        Account me = groups.account(caller.accountId());
        boolean open = em.createQuery("select count(r) from JoinRequest r where r.group = :g and r.account = :a and r.state = :p", Long.class)
                .setParameter("g", group).setParameter("a", me).setParameter("p", RequestState.PENDING).getSingleResult() > 0;
        if (open) {
            throw new ConflictException("request.pending");
        }
        JoinRequest request = new JoinRequest(group, me, text);
        em.persist(request);
        em.flush();
        audit.record("membership.requested", group, me.getDisplayName(), text);
        String link = Settings.baseUrl() + "/groups/requests.xhtml?slug=" + group.getSlug();
        for (Membership moderator : moderators(group)) {
            Account m = moderator.getAccount();
            mails.send(m.getEmail(), m.getLanguage(), "joinRequested", m.getDisplayName(), me.getDisplayName(),
                    group.getName(), text == null ? "–" : text, link);
        }
        return request.getId();
    }

    /** Withdraws one's own open request. */
    public void withdraw(String slug) {
        WorkingGroup group = groups.bySlug(slug);
        policy.require(caller.viewer(), GroupAction.SEE_GROUP, group);
        policy.requireAccount(caller.viewer());
        JoinRequest request = em.createQuery("select r from JoinRequest r where r.group = :g and r.account.id = :a and r.state = :p",
                        JoinRequest.class).setParameter("g", group).setParameter("a", caller.accountId())
                .setParameter("p", RequestState.PENDING).getResultStream().findFirst()
                .orElseThrow(() -> new ConflictException("request.decided"));
        request.withdraw();
        audit.record("membership.withdrawn", group, request.getAccount().getDisplayName(), null);
    }

    /** Open requests of a group, oldest first; for its moderators. */
    public Page<GroupView.Request> pendingRequests(String slug, int first, int size) {
        WorkingGroup group = groups.bySlug(slug);
        policy.require(caller.viewer(), GroupAction.DECIDE_REQUESTS, group);
        var query = em.createQuery("select r from JoinRequest r join fetch r.account where r.group = :g and r.state = :p "
                + "order by r.createdAt, r.id", JoinRequest.class).setParameter("g", group).setParameter("p", RequestState.PENDING);
        long total = em.createQuery("select count(r) from JoinRequest r where r.group = :g and r.state = :p", Long.class)
                .setParameter("g", group).setParameter("p", RequestState.PENDING).getSingleResult();
        int pageSize = Page.clampSize(size);
        return new Page<>(query.setFirstResult(Math.max(0, first)).setMaxResults(pageSize).getResultList().stream()
                .map(Memberships::view).toList(), total, Math.max(0, first), pageSize);
    }

    /** The caller's own requests, newest first, so that they learn the outcome on the site as well as by mail. */
    public List<GroupView.Request> myRequests() {
        policy.requireAccount(caller.viewer());
        return em.createQuery("select r from JoinRequest r join fetch r.group where r.account.id = :a order by r.createdAt desc",
                        JoinRequest.class).setParameter("a", caller.accountId()).setMaxResults(20).getResultList().stream()
                .filter(r -> policy.permits(caller.viewer(), GroupAction.SEE_GROUP, r.getGroup()) || r.getState() == RequestState.APPROVED)
                .map(Memberships::view).toList();
    }

    public void approve(Long requestId) {
        decide(requestId, true);
    }

    public void deny(Long requestId) {
        decide(requestId, false);
    }

    private void decide(Long requestId, boolean approve) {
        JoinRequest request = requestId == null ? null : em.find(JoinRequest.class, requestId);
        if (request == null) {
            throw new NotFoundException();
        }
        WorkingGroup group = groups.bySlugForUpdate(request.getGroup().getSlug());
        policy.require(caller.viewer(), GroupAction.DECIDE_REQUESTS, group);
        Account moderator = groups.account(caller.accountId());
        Account requester = request.getAccount();
        String link = Settings.baseUrl() + "/groups/group.xhtml?slug=" + group.getSlug();
        if (approve) {
            request.approve(moderator);
            notifier.joinDecided(requester.getId(), group, true, moderator.getId());
            mails.send(requester.getEmail(), requester.getLanguage(), "joinApproved", requester.getDisplayName(), group.getName(), link);
        } else {
            request.deny(moderator);
            notifier.joinDecided(requester.getId(), group, false, moderator.getId());
            mails.send(requester.getEmail(), requester.getLanguage(), "joinDenied", requester.getDisplayName(), group.getName());
        }
        em.flush();
        audit.record(approve ? "membership.approved" : "membership.denied", group, requester.getDisplayName(), null);
    }

    /** Invites someone by e-mail, member of the network or not; the link works once, for 14 days. */
    public Long invite(String slug, String email) {
        WorkingGroup group = groups.bySlugForUpdate(slug);
        policy.require(caller.viewer(), GroupAction.INVITE, group);
        String address = EmailAddress.require(email);
        Account existing = groups.accountByEmail(address);
        if (existing != null && group.isMember(existing)) {
            throw new ConflictException("membership.already");
        }
        Instant now = Instant.now();
        boolean pending = em.createQuery("select count(i) from Invitation i where i.group = :g and i.email = :e "
                        + "and i.state = :p and i.expiresAt > :now", Long.class)
                .setParameter("g", group).setParameter("e", address).setParameter("p", RequestState.PENDING)
                .setParameter("now", now).getSingleResult() > 0;
        if (pending) {
            throw new ConflictException("invitation.pending");
        }
        Account inviter = groups.account(caller.accountId());
        String secret = SecretTokens.newSecret();
        Invitation invitation = new Invitation(group, address, inviter, SecretTokens.hash(secret), now);
        em.persist(invitation);
        em.flush();
        Language language = existing == null ? inviter.getLanguage() : existing.getLanguage();
        mails.send(address, language, "invitation", inviter.getDisplayName(), group.getName(),
                Settings.baseUrl() + "/groups/invitation.xhtml?token=" + URLEncoder.encode(secret, StandardCharsets.UTF_8));
        audit.record("membership.invited", group, address, null);
        return invitation.getId();
    }

    public List<GroupView.PendingInvitation> pendingInvitations(String slug) {
        WorkingGroup group = groups.bySlug(slug);
        policy.require(caller.viewer(), GroupAction.INVITE, group);
        return em.createQuery("select new " + GroupView.PendingInvitation.class.getName()
                        + "(i.id, i.email, i.invitedBy.displayName, i.createdAt, i.expiresAt) from Invitation i "
                        + "where i.group = :g and i.state = :p and i.expiresAt > :now order by i.createdAt desc",
                        GroupView.PendingInvitation.class)
                .setParameter("g", group).setParameter("p", RequestState.PENDING).setParameter("now", Instant.now())
                .setMaxResults(200).getResultList();
    }

    public void revokeInvitation(Long invitationId) {
        Invitation invitation = invitationId == null ? null : em.find(Invitation.class, invitationId);
        if (invitation == null) {
            throw new NotFoundException();
        }
        policy.require(caller.viewer(), GroupAction.INVITE, invitation.getGroup());
        invitation.revoke();
        audit.record("membership.invitationRevoked", invitation.getGroup(), invitation.getEmail(), null);
    }

    /**
     * What an invitation link offers; the link itself is the permission to learn the group's name. Whether it is
     * for the logged-in account tells the page to offer accepting, or to say that it is meant for someone else.
     */
    public GroupView.InvitationOffer offer(String secret) {
        Invitation invitation = invitation(secret);
        WorkingGroup group = invitation.getGroup();
        boolean otherAccount = !caller.viewer().isGuest() && !invitation.isFor(groups.account(caller.accountId()));
        return new GroupView.InvitationOffer(group.getSlug(), group.getName(), invitation.getEmail(),
                invitation.isUsable(Instant.now()), groups.accountByEmail(invitation.getEmail()) != null, otherAccount);
    }

    /**
     * Accepts an invitation as the logged-in person, whose address must be the invited one (403
     * {@code invitation.otherAddress} otherwise, and nothing changes); returns the group's slug.
     */
    public String accept(String secret) {
        policy.requireAccount(caller.viewer());
        Invitation invitation = invitation(secret);
        Account me = groups.account(caller.accountId());
        return admitThrough(invitation, me);
    }

    /**
     * A new person registers through an invitation. The link reached the invited address, which proves it, so the
     * account is active at once and lands in the group. Returns the new account's id.
     */
    public Long registerThroughInvitation(String secret, String displayName, String password, Language language) {
        Invitation invitation = invitation(secret);
        if (!invitation.isUsable(Instant.now())) {
            throw new ConflictException("invitation.unusable");
        }
        if (groups.accountByEmail(invitation.getEmail()) != null) {
            throw new ConflictException("account.emailTaken");
        }
        Account account = accounts.createConfirmed(invitation.getEmail(), displayName, password, language);
        caller.identify(account.getId());
        admitThrough(invitation, account);
        return account.getId();
    }

    private String admitThrough(Invitation invitation, Account account) {
        WorkingGroup group = groups.bySlugForUpdate(invitation.getGroup().getSlug());
        invitation.accept(account, Instant.now());
        em.flush();
        audit.record("membership.invitationAccepted", group, account.getDisplayName(), invitation.getEmail());
        caller.refresh();
        return group.getSlug();
    }

    /** Leaves a group; the last moderator has to appoint someone else first. */
    public void leave(String slug) {
        WorkingGroup group = groups.bySlugForUpdate(slug);
        policy.require(caller.viewer(), GroupAction.LEAVE, group);
        Account me = groups.account(caller.accountId());
        group.release(me);
        notifier.membershipEnded(me.getId(), group);
        em.flush();
        audit.record("membership.left", group, me.getDisplayName(), null);
        caller.refresh();
    }

    public void remove(String slug, Long accountId) {
        WorkingGroup group = groups.bySlugForUpdate(slug);
        Viewer viewer = caller.viewer();
        policy.require(viewer, GroupAction.REMOVE_MEMBER, group);
        Account member = memberOf(group, accountId);
        group.release(member);
        notifier.membershipEnded(member.getId(), group);
        em.flush();
        audit.record("membership.removed", group, member.getDisplayName(), null);
        caller.refresh();
    }

    public void changeRole(String slug, Long accountId, Role role) {
        if (role == null) {
            throw new InvalidInputException("membership.role.invalid");
        }
        WorkingGroup group = groups.bySlugForUpdate(slug);
        policy.require(caller.viewer(), GroupAction.CHANGE_ROLE, group);
        Account member = memberOf(group, accountId);
        Role before = group.membershipOf(member).orElseThrow().getRole();
        if (before == role) {
            return;
        }
        group.changeRole(member, role);
        em.flush();
        audit.record("membership.roleChanged", group, member.getDisplayName(), before + " → " + role);
        caller.refresh();
    }

    private Account memberOf(WorkingGroup group, Long accountId) {
        Account account = accountId == null ? null : em.find(Account.class, accountId);
        if (account == null || !group.isMember(account)) {
            throw new NotFoundException();
        }
        return account;
    }

    private Invitation invitation(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new NotFoundException();
        }
        return em.createQuery("select i from Invitation i where i.tokenHash = :h", Invitation.class)
                .setParameter("h", SecretTokens.hash(secret)).getResultStream().findFirst().orElseThrow(NotFoundException::new);
    }

    private List<Membership> moderators(WorkingGroup group) {
        return em.createQuery("select m from Membership m join fetch m.account where m.group = :g and m.role = :r", Membership.class)
                .setParameter("g", group).setParameter("r", Role.MODERATOR).getResultList();
    }

    private static GroupView.Request view(JoinRequest r) {
        return new GroupView.Request(r.getId(), r.getGroup().getId(), r.getGroup().getSlug(), r.getGroup().getName(),
                r.getAccount().getId(), r.getAccount().getDisplayName(), r.getMessage(), r.getState(), r.getCreatedAt(),
                r.getDecidedAt());
    }
}
