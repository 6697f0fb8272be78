package cn.fapiao.security;

import cn.fapiao.common.ApiException;
import cn.fapiao.common.ErrorCode;
import cn.fapiao.domain.Problem;
import cn.fapiao.security.session.LoginSession;
import cn.fapiao.security.session.LoginSessions;
import cn.fapiao.taxpayer.AppUserRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * A user changes their own password, proving the old one (counted like a login). Every other
 * session of the user ends, on every replica; the one asking goes on.
 */
@ApplicationScoped
public class PasswordChangeService {

    private final AppUserRepository users;
    private final PasswordCheck passwordCheck;
    private final PasswordHasher hasher;
    private final LoginSessions sessions;

    public PasswordChangeService(AppUserRepository users, PasswordCheck passwordCheck, PasswordHasher hasher, LoginSessions sessions) {
        this.users = users;
        this.passwordCheck = passwordCheck;
        this.hasher = hasher;
        this.sessions = sessions;
    }

    public Uni<Boolean> change(Caller caller, String oldPassword, String newPassword, String clientAddress) {
        caller.requireAuthenticated();
        if (caller.userId() == null) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Accounts of the external identity provider change their password there.");
        }
        List<Problem> problems = new ArrayList<>();
        PasswordRules.check(newPassword, "newPassword", problems);
        if (problems.isEmpty() && newPassword.equals(oldPassword)) {
            problems.add(new Problem("newPassword", "UNCHANGED", "The new password must differ from the old one."));
        }
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        return Panache.withSession(() -> users.findInOrganisation(caller.organisationId(), caller.userId()))
                .chain(user -> passwordCheck.verify(caller.username(), user, oldPassword, clientAddress, "oldPassword"))
                .chain(user -> hasher.hash(newPassword).chain(hash -> Panache.withTransaction(() -> users.findById(user.id)
                        .chain(current -> {
                            current.passwordHash = hash;
                            return sessions.endAllOf(current.id, LoginSession.EndReason.PASSWORD_CHANGED, caller.sessionId());
                        }))))
                .call(() -> sessions.announceUser(caller.userId()))
                .replaceWith(true);
    }
}
