package de.zusammenwachsen.workspace.network.boundary;

import de.zusammenwachsen.workspace.access.control.AccessPolicy;
import de.zusammenwachsen.workspace.access.control.Caller;
import de.zusammenwachsen.workspace.core.ConflictException;
import de.zusammenwachsen.workspace.core.InvalidInputException;
import de.zusammenwachsen.workspace.core.NotFoundException;
import de.zusammenwachsen.workspace.network.entity.ActionField;
import de.zusammenwachsen.workspace.network.entity.Region;
import de.zusammenwachsen.workspace.audit.boundary.AuditLog;
import de.zusammenwachsen.workspace.network.control.NetworkCache;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;

/** The network's action fields and regions: readable by everyone, edited by administrators. */
@Stateless
public class Network {

    public record ActionFieldInfo(Long id, String slug, String name, String nameEn, String description, int version) {

        public static ActionFieldInfo of(ActionField field) {
            return new ActionFieldInfo(field.getId(), field.getSlug(), field.getName(), field.getNameEn(),
                    field.getDescription(), field.getVersion());
        }

        public String nameIn(String language) {
            return "en".equals(language) && nameEn != null && !nameEn.isBlank() ? nameEn : name;
        }
    }

    public record RegionInfo(Long id, String slug, String name, int version) {

        public static RegionInfo of(Region region) {
            return new RegionInfo(region.getId(), region.getSlug(), region.getName(), region.getVersion());
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    NetworkCache cache;

    private final AccessPolicy policy = new AccessPolicy();

    public List<ActionFieldInfo> actionFields() {
        return cache.actionFields();
    }

    public ActionFieldInfo actionField(String slug) {
        return em.createQuery("select f from ActionField f where f.slug = :slug", ActionField.class)
                .setParameter("slug", slug).getResultStream().findFirst().map(ActionFieldInfo::of)
                .orElseThrow(NotFoundException::new);
    }

    public List<RegionInfo> regions() {
        return cache.regions();
    }

    public ActionFieldInfo updateActionField(Long id, int expectedVersion, String name, String nameEn, String description) {
        policy.requireAdministrator(caller.viewer());
        ActionField field = em.find(ActionField.class, id);
        if (field == null) {
            throw new NotFoundException();
        }
        if (field.getVersion() != expectedVersion) {
            throw new ConflictException("error.changedMeanwhile");
        }
        String before = field.getName();
        field.rename(requireName(name), blankToNull(nameEn), blankToNull(description));
        em.flush();
        audit.record("actionField.updated", null, field.getName(), before);
        cache.invalidate();
        return ActionFieldInfo.of(field);
    }

    public RegionInfo updateRegion(Long id, int expectedVersion, String name) {
        policy.requireAdministrator(caller.viewer());
        Region region = em.find(Region.class, id);
        if (region == null) {
            throw new NotFoundException();
        }
        if (region.getVersion() != expectedVersion) {
            throw new ConflictException("error.changedMeanwhile");
        }
        String before = region.getName();
        region.rename(requireName(name));
        em.flush();
        audit.record("region.updated", null, region.getName(), before);
        cache.invalidate();
        return RegionInfo.of(region);
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank() || name.length() > 150) {
            throw new InvalidInputException("network.name.invalid");
        }
        return name.trim();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
