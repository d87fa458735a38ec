package de.zusammenwachsen.workspace.document.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The text extracted from one version, kept for the search index; apart from the version so listings stay light. */
@Entity
@Table(name = "version_text")
public class VersionText {

    @Id
    @Column(name = "version_id")
    private Long versionId;

    @Column(name = "content", nullable = false, length = Integer.MAX_VALUE)
    private String content;

    protected VersionText() {
    }

    public VersionText(Long versionId, String content) {
        this.versionId = versionId;
        this.content = content;
    }

    public Long getVersionId() {
        return versionId;
    }

    public String getContent() {
        return content;
    }
}
