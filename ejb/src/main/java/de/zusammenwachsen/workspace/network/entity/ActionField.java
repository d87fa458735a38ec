package de.zusammenwachsen.workspace.network.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One of the network's action fields (Handlungsfelder); working groups are organised by them. */
@Entity
@Table(name = "action_field")
public class ActionField {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 80)
    private String slug;

    @Column(nullable = false, length = 150)
    private String name;

    @Column(name = "name_en", length = 150)
    private String nameEn;

    @Column(length = 2000)
    private String description;

    private int position;

    @Version
    private int version;

    protected ActionField() {
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

    public String getNameEn() {
        return nameEn;
    }

    /** The name in the reader's language; English falls back to German where no translation was entered. */
    public String nameIn(String language) {
        return "en".equals(language) && nameEn != null && !nameEn.isBlank() ? nameEn : name;
    }

    public String getDescription() {
        return description;
    }

    public int getPosition() {
        return position;
    }

    public int getVersion() {
        return version;
    }

    public void rename(String name, String nameEn, String description) {
        this.name = name;
        this.nameEn = nameEn;
        this.description = description;
    }
}
