package org.securebase.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;
import org.securebase.application.CurrentUser;
import org.securebase.application.privacy.ErasureService;
import org.securebase.domain.BusinessException;
import org.securebase.domain.NotFoundException;
import org.securebase.domain.privacy.ErasureRecord;
import org.securebase.web.util.Bundle;

/**
 * /admin/erase.xhtml?id=: the confirmation before an account of the administrator's school is erased, naming what
 * goes and what stays under a pseudonym; another school's account, or none, is "not found".
 */
@Named
@RequestScoped
public class EraseBacking {

    @Inject
    private ErasureService erasure;

    @Inject
    private CurrentUser currentUser;

    @Inject
    @Param(name = "id")
    private Long id;

    private ErasureService.Preview preview;
    private boolean self;

    @PostConstruct
    void load() {
        if (id == null) {
            return;
        }
        try {
            preview = erasure.preview(currentUser.require(), id);
        } catch (NotFoundException e) {
            preview = null;
        } catch (BusinessException e) {
            self = true;
        }
    }

    public void verify() {
        if (preview == null && !self) {
            Faces.responseSendError(404, "not found");
        }
    }

    public String erase() {
        if (preview == null) {
            Faces.responseSendError(404, "not found");
            return null;
        }
        ErasureRecord record = erasure.erase(currentUser.require(), id);
        Bundle.info("privacy.erase.done", record.getPseudonym());
        Faces.getFlash().setKeepMessages(true);
        return "/admin/privacy?faces-redirect=true";
    }

    /** The kinds of rows that go, with how many (kinds with none are left out); what stays is listed apart. */
    public List<Map.Entry<String, Long>> getGoing() {
        return preview.counts().entrySet().stream().filter(e -> !e.getKey().endsWith("Kept") && e.getValue() > 0)
                .toList();
    }

    public List<Map.Entry<String, Long>> getKept() {
        return preview.counts().entrySet().stream().filter(e -> e.getKey().endsWith("Kept") && e.getValue() > 0)
                .toList();
    }

    public ErasureService.Preview getPreview() {
        return preview;
    }

    public boolean isSelf() {
        return self;
    }

    public Long getId() {
        return id;
    }
}
