package cn.fapiao.ticket.submission;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;

/** One day's counter of tracking numbers: the last sequence handed out that day (Asia/Shanghai). */
@Entity
@Table(name = "support_ticket_day")
public class TrackingDay {

    @Id
    public LocalDate day;

    @Column(name = "last", nullable = false)
    public long last;
}
