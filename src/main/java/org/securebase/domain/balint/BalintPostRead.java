package org.securebase.domain.balint;

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

/**
 * The audit of hidden posts: the leader opened one again. Rows are only added; they name the post by id (the
 * post's text may later go under the retention rule, the fact of the reading stays).
 */
@Entity
@Table(name = "balint_post_read")
public class BalintPostRead {

    @Id
    @SequenceGenerator(name = "balint_post_read_seq", sequenceName = "balint_post_read_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "balint_post_read_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private BalintSession session;

    @Column(name = "post_id", nullable = false)
    private long postId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Account reader;

    @Column(name = "read_at", nullable = false)
    private Instant readAt;

    protected BalintPostRead() {
    }

    public BalintPostRead(BalintPost post, Account reader, Instant now) {
        this.session = post.getSession();
        this.postId = post.getId();
        this.reader = reader;
        this.readAt = now;
    }

    public long getPostId() {
        return postId;
    }

    public Instant getReadAt() {
        return readAt;
    }
}
