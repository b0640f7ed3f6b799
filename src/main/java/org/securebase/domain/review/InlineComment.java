package org.securebase.domain.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.securebase.domain.account.Account;

/** A tutor's comment on a passage of one answer: where it starts and ends, the words it quotes, and what it says. */
@Entity
@Table(name = "review_comment")
public class InlineComment {

    @Id
    @SequenceGenerator(name = "review_comment_seq", sequenceName = "review_comment_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "review_comment_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    private Review review;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    private Account author;

    @Column(name = "prompt_id", nullable = false, length = 100)
    private String promptId;

    @Column(name = "start_offset", nullable = false)
    private int startOffset;

    @Column(name = "end_offset", nullable = false)
    private int endOffset;

    @Column(nullable = false, length = 100_000)
    private String quote;

    @Column(name = "comment_text", nullable = false, length = Review.COMMENT_MAX)
    private String text;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected InlineComment() {
    }

    InlineComment(Review review, Account author, String promptId, int start, int end, String quote, String text,
            Instant now) {
        this.review = review;
        this.author = author;
        this.promptId = promptId;
        this.startOffset = start;
        this.endOffset = end;
        this.quote = quote;
        this.text = text;
        this.createdAt = now;
    }

    public Long getId() {
        return id;
    }

    public Account getAuthor() {
        return author;
    }

    public String getPromptId() {
        return promptId;
    }

    public int getStartOffset() {
        return startOffset;
    }

    public int getEndOffset() {
        return endOffset;
    }

    public String getQuote() {
        return quote;
    }

    public String getText() {
        return text;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
