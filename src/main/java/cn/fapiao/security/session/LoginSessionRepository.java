package cn.fapiao.security.session;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class LoginSessionRepository implements PanacheRepositoryBase<LoginSession, UUID> {
}
