package cn.fapiao.ticket.knowledge;

import cn.fapiao.domain.TicketCategory;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/** A knowledge-base article: a question and its answer, in Chinese and English. */
@Entity
@Table(name = "kb_article")
public class KnowledgeArticle {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TicketCategory category;

    @Column(name = "question_zh", nullable = false)
    public String questionZh;

    @Column(name = "answer_zh", nullable = false)
    public String answerZh;

    @Column(name = "question_en", nullable = false)
    public String questionEn;

    @Column(name = "answer_en", nullable = false)
    public String answerEn;

    @Column(nullable = false)
    public boolean active = true;

    /** {@link cn.fapiao.domain.SearchTokens} of both questions and answers, set on every save. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "search_tokens", nullable = false, columnDefinition = "text[]")
    public String[] searchTokens;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public int version;
}
