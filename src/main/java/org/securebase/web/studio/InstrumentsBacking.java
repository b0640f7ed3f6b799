package org.securebase.web.studio;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import org.securebase.application.CurrentUser;
import org.securebase.application.studio.InstrumentStudio;
import org.securebase.application.studio.StudioService;
import org.securebase.domain.NotFoundException;
import org.securebase.web.util.Bundle;

/**
 * The studio index's instruments: the school's own (published and drafts), the shared library's, a new instrument
 * and "Adapt for our school". The page's guard is the studio's ({@link StudioBacking#verify()}).
 */
@Named
@ViewScoped
public class InstrumentsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient InstrumentStudio instruments;

    @Inject
    private transient CurrentUser currentUser;

    /** What the new-instrument and adapt forms hold. */
    public static class SlugInput implements Serializable {
        private static final long serialVersionUID = 1L;
        private String slug;
        private String title;
        private String from;

        public String getSlug() {
            return slug;
        }

        public void setSlug(String slug) {
            this.slug = slug == null ? null : slug.strip();
        }

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title;
        }

        public String getFrom() {
            return from;
        }

        public void setFrom(String from) {
            this.from = from;
        }
    }

    private transient List<StudioService.LibraryRow> own;
    private transient List<StudioService.LibraryRow> shared;
    private final SlugInput created = new SlugInput();
    private final SlugInput adapted = new SlugInput();

    public String create() {
        try {
            return editor(instruments.create(currentUser.require(), created.getSlug(), created.getTitle()).slug());
        } catch (StudioService.SlugRefused e) {
            refused(e, created.getSlug());
            return null;
        }
    }

    public String adapt() {
        try {
            return editor(instruments.adapt(currentUser.require(), adapted.getFrom(), adapted.getSlug()).slug());
        } catch (StudioService.SlugRefused e) {
            refused(e, adapted.getSlug());
        } catch (NotFoundException e) {
            Bundle.error("studio.instrument.notFound", adapted.getFrom());
        }
        return null;
    }

    private static void refused(StudioService.SlugRefused e, String slug) {
        Bundle.error("studio.instrument.slug." + e.reason().name().toLowerCase(Locale.ROOT), slug);
    }

    static String editor(String slug) {
        return "/studio/instrument?faces-redirect=true&instrument=" + slug;
    }

    public List<StudioService.LibraryRow> getOwn() {
        if (own == null) {
            own = instruments.own(currentUser.require());
        }
        return own;
    }

    public List<StudioService.LibraryRow> getShared() {
        if (shared == null) {
            shared = instruments.shared(currentUser.require());
        }
        return shared;
    }

    public SlugInput getCreated() {
        return created;
    }

    public SlugInput getAdapted() {
        return adapted;
    }
}
