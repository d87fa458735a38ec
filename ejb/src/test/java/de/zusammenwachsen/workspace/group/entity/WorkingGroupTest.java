package de.zusammenwachsen.workspace.group.entity;

import de.zusammenwachsen.workspace.account.entity.Account;
import de.zusammenwachsen.workspace.account.entity.Language;
import de.zusammenwachsen.workspace.core.ConflictException;
import de.zusammenwachsen.workspace.core.InvalidInputException;
import de.zusammenwachsen.workspace.network.entity.ActionField;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkingGroupTest {

    private static long nextId = 1;

    private static Account account(String name) throws Exception {
        Account account = new Account(name + "@example.org", name, "hash", Language.DE);
        Field id = Account.class.getDeclaredField("id");
        id.setAccessible(true);
        id.set(account, nextId++);
        return account;
    }

    private static WorkingGroup group() throws Exception {
        Constructor<ActionField> constructor = ActionField.class.getDeclaredConstructor();
        constructor.setAccessible(true);
        return new WorkingGroup("energie-halle", "Energiewende Halle", constructor.newInstance());
    }

    @Test
    void theLastModeratorCanNeitherLeaveNorStepDown() throws Exception {
        WorkingGroup group = group();
        Account anna = account("anna");
        Account ben = account("ben");
        group.admit(anna, Role.MODERATOR);
        group.admit(ben, Role.MEMBER);

        assertEquals("membership.lastModerator", assertThrows(ConflictException.class, () -> group.release(anna)).key());
        assertEquals("membership.lastModerator", assertThrows(ConflictException.class, () -> group.changeRole(anna, Role.MEMBER)).key());

        group.changeRole(ben, Role.MODERATOR);
        group.changeRole(anna, Role.MEMBER);
        group.release(anna);
        assertFalse(group.isMember(anna));
        assertEquals(1, group.moderatorCount());
    }

    @Test
    void oneMembershipPerPerson() throws Exception {
        WorkingGroup group = group();
        Account anna = account("anna");
        group.admit(anna, Role.MEMBER);
        assertThrows(ConflictException.class, () -> group.admit(anna, Role.MODERATOR));
    }

    @Test
    void archivedGroupsRefuseChanges() throws Exception {
        WorkingGroup group = group();
        Account anna = account("anna");
        group.archive();
        assertEquals("group.archived", assertThrows(ConflictException.class, () -> group.admit(anna, Role.MEMBER)).key());
    }

    @Test
    void slugsAreLowercaseWordsWithHyphens() throws Exception {
        ActionField field = group().getPrimaryActionField();
        assertThrows(InvalidInputException.class, () -> new WorkingGroup("Energie Halle", "x", field));
        assertThrows(InvalidInputException.class, () -> new WorkingGroup("../etc", "x", field));
        assertThrows(InvalidInputException.class, () -> new WorkingGroup("-start", "x", field));
        assertTrue(new WorkingGroup("ag-mobilitaet-2025", "x", field).getActionFields().contains(field));
    }

    @Test
    void aJoinRequestIsDecidedOnceAndAdmitsTheRequester() throws Exception {
        WorkingGroup group = group();
        Account moderator = account("mod");
        Account carla = account("carla");
        group.admit(moderator, Role.MODERATOR);
        JoinRequest request = new JoinRequest(group, carla, "Ich möchte mitmachen");
        request.approve(moderator);
        assertTrue(group.isMember(carla));
        assertThrows(ConflictException.class, () -> request.deny(moderator));
    }

    @Test
    void anInvitationWorksOnceAndNotAfterItExpired() throws Exception {
        WorkingGroup group = group();
        Account moderator = account("mod");
        Account dora = account("dora");
        Instant now = Instant.now();
        Invitation invitation = new Invitation(group, "Dora@Example.org", moderator, "h", now);
        assertEquals("dora@example.org", invitation.getEmail());
        assertFalse(invitation.isUsable(now.plus(Invitation.VALIDITY).plusSeconds(1)));
        invitation.accept(dora, now);
        assertTrue(group.isMember(dora));
        assertThrows(ConflictException.class, () -> invitation.accept(dora, now));
    }
}
