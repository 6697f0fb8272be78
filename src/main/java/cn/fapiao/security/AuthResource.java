package cn.fapiao.security;

import cn.fapiao.audit.AuditTrail;
import cn.fapiao.security.api.AuthPayload;
import cn.fapiao.security.api.TotpEnrolment;
import cn.fapiao.taxpayer.AppUserRepository;
import cn.fapiao.taxpayer.api.UserInfo;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import java.util.Set;

/** Logging in and out, token refresh, the current user and the TOTP second factor. */
@GraphQLApi
public class AuthResource {

    private final LoginService logins;
    private final TotpEnrolmentService totp;
    private final AppUserRepository users;
    private final CallerContext callers;
    private final AuditTrail audit;

    public AuthResource(LoginService logins, TotpEnrolmentService totp, AppUserRepository users, CallerContext callers, AuditTrail audit) {
        this.logins = logins;
        this.totp = totp;
        this.users = users;
        this.callers = callers;
        this.audit = audit;
    }

    @Mutation
    @Description("Logs in. Gives a short-lived access token and a refresh token. `otp` is the 6-digit code of users who enrolled a second factor (error OTP_REQUIRED when missing). Errors: INVALID_CREDENTIALS, OTP_REQUIRED, INVALID_OTP, RATE_LIMITED.")
    public Uni<@NonNull AuthPayload> login(@Name("username") @NonNull String username, @Name("password") @NonNull String password,
                                           @Name("otp") String otp) {
        String address = callers.clientAddress();
        return logins.login(username, password, otp, address)
                .onItemOrFailure().call((session, failure) -> (session != null ? Uni.createFrom().item(callerOf(session)) : attempted(username))
                        .chain(caller -> audit.recordOutcome(caller, "login", null, failure, address)))
                .map(AuthResource::payload);
    }

    @Mutation
    @Description("Exchanges a refresh token for a new access token and a new refresh token. Each refresh token works once: presenting a used one again ends the whole login session (REFRESH_TOKEN_REUSED).")
    public Uni<@NonNull AuthPayload> refreshToken(@Name("refreshToken") @NonNull String refreshToken) {
        String address = callers.clientAddress();
        return logins.refresh(refreshToken)
                .onItemOrFailure().call((session, failure) -> audit.recordOutcome(
                        session == null ? Caller.ANONYMOUS : callerOf(session), "refreshToken", null, failure, address))
                .map(AuthResource::payload);
    }

    @Mutation
    @Description("Ends the login session of this refresh token: it and every token refreshed from it stop working. Access tokens already handed out expire on their own (within minutes). True when a session was ended.")
    public Uni<@NonNull Boolean> logout(@Name("refreshToken") @NonNull String refreshToken) {
        String address = callers.clientAddress();
        return callers.current().chain(caller -> audit.track(caller, "logout", null, address, () -> logins.logout(refreshToken)));
    }

    @Query
    @Description("The logged-in user.")
    public Uni<@NonNull UserInfo> me() {
        return callers.current().chain(caller -> {
            caller.requireAuthenticated();
            return Panache.withSession(() -> users.findInOrganisation(caller.organisationId(), caller.userId()))
                    .map(user -> {
                        if (user == null) {
                            throw new cn.fapiao.common.ApiException(cn.fapiao.common.ErrorCode.UNAUTHENTICATED, "This account no longer exists.");
                        }
                        return UserInfo.of(user);
                    });
        });
    }

    @Mutation
    @Description("Starts enrolling a TOTP authenticator app (RFC 6238) for the logged-in user. Call `confirmTotp` with a first code to switch it on.")
    public Uni<@NonNull TotpEnrolment> enrolTotp() {
        String address = callers.clientAddress();
        return callers.current().chain(caller -> audit.track(caller, "enrolTotp", null, address,
                () -> totp.start(caller).map(e -> new TotpEnrolment(e.secret(), e.otpauthUri()))));
    }

    @Mutation
    @Description("Confirms TOTP enrolment with a code from the app; from then on `login` needs `otp`.")
    public Uni<@NonNull Boolean> confirmTotp(@Name("code") @NonNull String code) {
        String address = callers.clientAddress();
        return callers.current().chain(caller -> audit.track(caller, "confirmTotp", null, address, () -> totp.confirm(caller, code)));
    }

    @Mutation
    @Description("Switches the second factor off, proven with a current code.")
    public Uni<@NonNull Boolean> disableTotp(@Name("code") @NonNull String code) {
        String address = callers.clientAddress();
        return callers.current().chain(caller -> audit.track(caller, "disableTotp", null, address, () -> totp.disable(caller, code)));
    }

    /**
     * Who a failed login tried to be: when the username exists, its organisation is recorded too,
     * so that the organisation's auditors see attempts on their accounts.
     */
    private Uni<Caller> attempted(String username) {
        String name = username.length() > 64 ? username.substring(0, 64) : username.strip();
        return Panache.withSession(() -> users.findByUsername(name))
                .map(user -> new Caller(user == null ? null : user.id, name, user == null ? null : user.organisationId, Set.of()));
    }

    private static Caller callerOf(LoginService.Session session) {
        return new Caller(session.user().id, session.user().username, session.user().organisationId, session.user().roleSet());
    }

    private static AuthPayload payload(LoginService.Session session) {
        return new AuthPayload(session.accessToken().token(), session.accessToken().expiresAt(), session.refreshToken(),
                session.refreshTokenExpiresAt(), UserInfo.of(session.user()));
    }
}
