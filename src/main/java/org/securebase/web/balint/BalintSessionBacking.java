package org.securebase.web.balint;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.Map;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;
import org.securebase.application.CurrentUser;
import org.securebase.application.balint.BalintService;
import org.securebase.application.balint.BalintViews.PostView;
import org.securebase.application.balint.BalintViews.SessionView;
import org.securebase.domain.BusinessException;
import org.securebase.domain.NotFoundException;
import org.securebase.domain.balint.Phase;
import org.securebase.web.util.Bundle;

/**
 * /balint/session.xhtml?id=: a session for its leader and the group's current members (anyone else: 404). Posts
 * are written in the editor driven by js/reflection.js (autosave, kept in the browser until saved) and arrive live
 * through js/balint.js; the leader's actions (presenter, next phase, hiding, the private note) are plain forms.
 */
@Named
@RequestScoped
public class BalintSessionBacking {

    @Inject
    private BalintService balint;

    @Inject
    private CurrentUser currentUser;

    @Inject
    @Param(name = "id")
    private Long id;

    private SessionView view;
    private Long presenterId;
    private String processNote;
    /** Hidden posts the leader chose to read again in this request (audited). */
    private final Map<Long, String> revealed = new HashMap<>();
    private final Map<Long, String> reasons = new HashMap<>();
    private Long hiddenReads;

    @PostConstruct
    void load() {
        if (id == null) {
            return;
        }
        try {
            view = balint.session(currentUser.require(), id);
        } catch (NotFoundException e) {
            view = null;
            return;
        }
        if (processNote == null) {
            processNote = view.processNote();
        }
    }

    public void verify() {
        if (view == null) {
            Faces.responseSendError(404, "not found");
        }
    }

    public String advance() {
        return act(() -> balint.advance(currentUser.require(), id), "balint.session.advanced");
    }

    public String choosePresenter() {
        if (presenterId == null) {
            Bundle.error("balint.error.member");
            return null;
        }
        return act(() -> balint.choosePresenter(currentUser.require(), id, presenterId), "balint.session.presenterSet");
    }

    public String volunteer() {
        long me = currentUser.require().getId();
        return act(() -> balint.choosePresenter(currentUser.require(), id, me), "balint.session.presenterSet");
    }

    public String saveNote() {
        return act(() -> balint.saveProcessNote(currentUser.require(), id, processNote), "balint.session.noteSaved");
    }

    public String hide(long postId) {
        return act(() -> balint.hide(currentUser.require(), postId, reasons.get(postId)), "balint.session.hidden");
    }

    /** Shows a hidden post's text to the leader, on this page only; each reading is written down. */
    public void reveal(long postId) {
        try {
            revealed.put(postId, balint.readHidden(currentUser.require(), postId));
        } catch (BusinessException e) {
            Bundle.error(e.messageKey());
        }
    }

    private String act(Runnable action, String doneKey) {
        return BalintActions.act(action, doneKey, this::load, "/balint/session?faces-redirect=true&id=" + id);
    }

    /** The guidance for the reader's seat in the current phase (a bundle key). */
    public String getGuidanceKey() {
        if (view.closed()) {
            return "balint.guide.closed";
        }
        String seat = switch (view.seat()) {
            case LEADER -> "leader";
            case PRESENTER -> "presenter";
            case MEMBER -> "member";
        };
        return "balint.guide." + view.phase().name() + "." + seat;
    }

    public String author(PostView post) {
        if (post.formerMember()) {
            return Bundle.text("balint.post.formerMember");
        }
        return post.mine() ? Bundle.text("balint.post.you", post.author()) : post.author();
    }

    public Phase getNextPhase() {
        return view.phase().isLast() ? null : Phase.values()[view.phase().ordinal() + 1];
    }

    /** How often the leader has opened hidden posts of this session again (each reading is recorded). */
    public long getHiddenReads() {
        if (hiddenReads == null) {
            hiddenReads = view.leads() ? balint.hiddenReads(currentUser.require(), id) : 0L;
        }
        return hiddenReads;
    }

    /** For the editor's key in this browser's storage: one person's draft never shows to another. */
    public long getAccountId() {
        return currentUser.require().getId();
    }

    public SessionView getView() {
        return view;
    }

    public Long getId() {
        return id;
    }

    public Map<Long, String> getRevealed() {
        return revealed;
    }

    public Map<Long, String> getReasons() {
        return reasons;
    }

    public Long getPresenterId() {
        return presenterId;
    }

    public void setPresenterId(Long presenterId) {
        this.presenterId = presenterId;
    }

    public String getProcessNote() {
        return processNote;
    }

    public void setProcessNote(String processNote) {
        this.processNote = processNote;
    }
}
