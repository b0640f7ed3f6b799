package org.securebase.web.studio;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.omnifaces.util.Faces;
import org.securebase.application.CurrentUser;
import org.securebase.application.studio.StudioService;
import org.securebase.domain.NotFoundException;
import org.securebase.infrastructure.content.ContentProblem;
import org.securebase.infrastructure.content.ModuleArchive;
import org.securebase.web.util.Bundle;

/** /studio/index.xhtml: the two libraries, a new module, "Adapt for our school", import and export. */
@Named
@ViewScoped
public class StudioBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Larger uploads are refused before reading (the request filter bounds the whole request too). */
    static final long UPLOAD_MAX = 5L * 1024 * 1024;

    @Inject
    private transient StudioService studio;

    @Inject
    private transient CurrentUser currentUser;

    private transient StudioService.Library library;
    private boolean allowed;
    private String newSlug;
    private String newTitle;
    private String adaptFrom;
    private String adaptSlug;
    private transient List<Part> files = new ArrayList<>();
    private List<ContentProblem> importProblems = List.of();
    private List<ContentProblem> skipped = List.of();

    @PostConstruct
    void load() {
        try {
            library = studio.library(currentUser.require());
            allowed = true;
        } catch (NotFoundException e) {
            allowed = false;
        }
    }

    /** Runs before rendering: a tutor without the author right finds no studio. */
    public void verify() {
        if (!allowed) {
            Faces.responseSendError(404, "not found");
        }
    }

    public String create() {
        try {
            StudioService.Draft draft = studio.create(currentUser.require(), trim(newSlug), newTitle);
            return editor(draft.slug());
        } catch (StudioService.SlugRefused e) {
            Bundle.error("studio.slug." + e.reason().name().toLowerCase(java.util.Locale.ROOT), newSlug);
            return null;
        }
    }

    public String adapt() {
        try {
            StudioService.Draft draft = studio.adapt(currentUser.require(), adaptFrom, trim(adaptSlug));
            return editor(draft.slug());
        } catch (StudioService.SlugRefused e) {
            Bundle.error("studio.slug." + e.reason().name().toLowerCase(java.util.Locale.ROOT), adaptSlug);
            return null;
        } catch (NotFoundException e) {
            Bundle.error("studio.notFound", adaptFrom);
            return null;
        }
    }

    public String importFiles() throws IOException {
        List<ModuleArchive.Upload> uploads = new ArrayList<>();
        for (Part part : files == null ? List.<Part>of() : files) {
            if (part.getSize() == 0) {
                continue;
            }
            String name = part.getSubmittedFileName();
            if (part.getSize() > UPLOAD_MAX) {
                importProblems = List.of(ContentProblem.text(name, 0, Bundle.text("studio.import.tooLarge")));
                return null;
            }
            try (InputStream in = part.getInputStream()) {
                uploads.add(new ModuleArchive.Upload(name, in.readAllBytes()));
            }
        }
        if (uploads.isEmpty()) {
            Bundle.error("studio.import.none");
            return null;
        }
        StudioService.Imported imported = studio.importFiles(currentUser.require(), uploads);
        importProblems = imported.problems();
        skipped = imported.skipped();
        if (!importProblems.isEmpty()) {
            Bundle.error("studio.import.refused", importProblems.size());
            return null;
        }
        library = studio.library(currentUser.require());
        Bundle.info("studio.import.done", imported.slugs().size(), String.join(", ", imported.slugs()));
        return null;
    }

    public void unpublish(String slug) {
        studio.unpublish(currentUser.require(), slug);
        library = studio.library(currentUser.require());
        Bundle.info("studio.unpublished", slug);
    }

    static String editor(String slug) {
        return "/studio/edit?faces-redirect=true&module=" + slug;
    }

    private static String trim(String s) {
        return s == null ? null : s.strip();
    }

    public StudioService.Library getLibrary() {
        if (library == null && allowed) {
            library = studio.library(currentUser.require());
        }
        return library;
    }

    public String getNewSlug() {
        return newSlug;
    }

    public void setNewSlug(String newSlug) {
        this.newSlug = newSlug;
    }

    public String getNewTitle() {
        return newTitle;
    }

    public void setNewTitle(String newTitle) {
        this.newTitle = newTitle;
    }

    public String getAdaptFrom() {
        return adaptFrom;
    }

    public void setAdaptFrom(String adaptFrom) {
        this.adaptFrom = adaptFrom;
    }

    public String getAdaptSlug() {
        return adaptSlug;
    }

    public void setAdaptSlug(String adaptSlug) {
        this.adaptSlug = adaptSlug;
    }

    public List<Part> getFiles() {
        return files;
    }

    public void setFiles(List<Part> files) {
        this.files = files;
    }

    public List<ContentProblem> getImportProblems() {
        return importProblems;
    }

    public List<ContentProblem> getSkipped() {
        return skipped;
    }
}
