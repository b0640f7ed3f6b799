package org.securebase.web.studio;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;
import org.securebase.application.CurrentUser;
import org.securebase.application.studio.StudioService;
import org.securebase.domain.NotFoundException;
import org.securebase.domain.module.StudioEvent;
import org.securebase.web.util.Times;

/** /studio/history.xhtml?module=slug&amp;from=1&amp;to=2: every version, the studio's trail, and a diff of two. */
@Named
@RequestScoped
public class HistoryBacking {

    @Inject
    private StudioService studio;

    @Inject
    private CurrentUser currentUser;

    @Inject
    @Param(name = "module")
    private String slug;

    @Inject
    @Param(name = "from")
    private Integer from;

    @Inject
    @Param(name = "to")
    private Integer to;

    private List<StudioService.VersionRow> versions;
    private List<StudioEvent> trail = List.of();
    private List<StudioService.DiffLine> diff;

    @PostConstruct
    void load() {
        if (slug == null || slug.isBlank()) {
            return;
        }
        try {
            versions = studio.history(currentUser.require(), slug);
            trail = studio.trail(currentUser.require(), slug);
            if (versions.isEmpty() && trail.isEmpty()) {
                versions = null;
                return;
            }
            if (from != null && to != null) {
                diff = studio.diff(currentUser.require(), slug, from, to);
            } else if (versions.size() >= 2) {
                from = versions.get(1).number();
                to = versions.get(0).number();
                diff = studio.diff(currentUser.require(), slug, from, to);
            }
        } catch (NotFoundException e) {
            versions = null;
        }
    }

    public void verify() {
        if (versions == null) {
            Faces.responseSendError(404, "not found");
        }
    }

    public String when(java.time.Instant instant) {
        return Times.when(instant);
    }

    public List<StudioService.VersionRow> getVersions() {
        return versions;
    }

    public List<StudioEvent> getTrail() {
        return trail;
    }

    public List<StudioService.DiffLine> getDiff() {
        return diff;
    }

    public String getSlug() {
        return slug;
    }

    public Integer getFrom() {
        return from;
    }

    public Integer getTo() {
        return to;
    }
}
