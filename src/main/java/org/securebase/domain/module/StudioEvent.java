package org.securebase.domain.module;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.securebase.domain.account.Account;
import org.securebase.domain.school.School;

/**
 * One thing an author did to a module or instrument in a school's studio, appended and never changed: the studio's
 * audit trail.
 */
@Entity
@Table(name = "studio_event")
@NamedQuery(name = "StudioEvent.bySlug", query = "select e from StudioEvent e left join fetch e.actor "
        + "where e.school = :school and e.kind = :kind and e.slug = :slug order by e.happenedAt desc, e.id desc")
public class StudioEvent {

    /** What was done. */
    public enum Action {
        CREATE, ADAPT, IMPORT, PUBLISH, UNPUBLISH, DISCARD
    }

    @Id
    @SequenceGenerator(name = "studio_event_seq", sequenceName = "studio_event_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "studio_event_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "school_id", nullable = false)
    private School school;

    @ManyToOne
    @JoinColumn(name = "actor_id")
    private Account actor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Action action;

    @Column(nullable = false, length = 20)
    private String kind;

    @Column(nullable = false, length = ContentVersion.SLUG_MAX)
    private String slug;

    @Column(name = "version_number")
    private Integer versionNumber;

    @Column(length = 500)
    private String detail;

    @Column(name = "happened_at", nullable = false)
    private Instant happenedAt;

    protected StudioEvent() {
    }

    public StudioEvent(String kind, School school, Account actor, Action action, String slug, Integer versionNumber,
            String detail, Instant now) {
        this.kind = kind;
        this.school = school;
        this.actor = actor;
        this.action = action;
        this.slug = slug;
        this.versionNumber = versionNumber;
        this.detail = detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500);
        this.happenedAt = now;
    }

    public Account getActor() {
        return actor;
    }

    public Action getAction() {
        return action;
    }

    public String getKind() {
        return kind;
    }

    public String getSlug() {
        return slug;
    }

    public Integer getVersionNumber() {
        return versionNumber;
    }

    public String getDetail() {
        return detail;
    }

    public Instant getHappenedAt() {
        return happenedAt;
    }
}
