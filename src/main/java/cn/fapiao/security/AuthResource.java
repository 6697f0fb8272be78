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

/** Logging in and out, token refresh, the current user, their password and the TOTP second factor. */
@GraphQLApi
public class AuthResource {

    private final LoginService logins;
    private final TotpEnrolmentService totp;
    private final PasswordChangeService passwordChanges;
    private final AppUserRepository users;
    private final CallerContext callers;
    private final AuditTrail audit;

    public AuthResource(LoginService logins, TotpEnrolmentService totp, PasswordChangeService passwordChanges, AppUserRepository users,
                        CallerContext callers, AuditTrail audit) {
        this.logins = logins;
        this.totp = totp;
        this.passwordChanges = passwordChanges;
        this.users = users;
        this.callers = callers;
        this.audit = audit;
    }

    @Mutation
    @Description("Logs in. Gives a short-lived access token and a refresh token. `otp` is the 6-digit code of users who enrolled a second factor (error OTP_REQUIRED when missing). "
            + "TOTP_ENROLMENT_REQUIRED: the organisation requires a second factor for the user's role and none is set up (enrol with enrolTotp and confirmTotp, naming the account by username). "
            + "Errors: INVALID_CREDENTIALS, OTP_REQUIRED, INVALID_OTP, TOTP_ENROLMENT_REQUIRED, RATE_LIMITED (wrong passwords count per username and client address).")
    public Uni<@NonNull AuthPayload> login(@Name("username") @Description("The user's login name.") @NonNull String username,
                                           @Name("password") @Description("The user's password.") @NonNull String password,
                                           @Name("otp") @Description("The current 6-digit code of the user's authenticator app (TOTP), when the user has enrolled one.") String otp) {
        String address = callers.clientAddress();
        return logins.login(username, password, otp, address)
                .onItemOrFailure().call((session, failure) -> (session != null ? Uni.createFrom().item(callerOf(session)) : attempted(username))
                        .chain(caller -> audit.recordOutcome(caller, "login", null, failure, address)))
                .map(AuthResource::payload);
    }

    @Mutation
    @Description("Exchanges a refresh token for a new access token and a new refresh token. Each refresh token works once: presenting a used one again ends the whole login session (REFRESH_TOKEN_REUSED).")
    public Uni<@NonNull AuthPayload> refreshToken(@Name("refreshToken") @Description("The refresh token of the last login or refresh; each one works once.") @NonNull String refreshToken) {
        String address = callers.clientAddress();
        return logins.refresh(refreshToken)
                .onItemOrFailure().call((session, failure) -> audit.recordOutcome(
                        session == null ? Caller.ANONYMOUS : callerOf(session), "refreshToken", null, failure, address))
                .map(AuthResource::payload);
    }

    @Mutation
    @Description("Ends the login session of this refresh token: it, every token refreshed from it and the session's access tokens stop working (on every server within seconds). True when a session was ended.")
    public Uni<@NonNull Boolean> logout(@Name("refreshToken") @Description("The refresh token of the session to end.") @NonNull String refreshToken) {
        String address = callers.clientAddress();
        // The refresh token alone ends the session: an access token that no longer works (its session
        // ended elsewhere, say) must not stop a client from logging out; it only names whom to audit.
        return callers.current().onFailure().recoverWithItem(Caller.ANONYMOUS)
                .chain(caller -> audit.track(caller, "logout", null, address, () -> logins.logout(refreshToken)));
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
    @Description("Starts enrolling a TOTP authenticator app (RFC 6238): give the password again. Logged in, it is for the token's user; "
            + "without a token (login answered TOTP_ENROLMENT_REQUIRED) name the account with `username`. Call `confirmTotp` with a first code to switch it on. "
            + "Errors: INVALID_CREDENTIALS, TOTP_ALREADY_ENABLED, RATE_LIMITED.")
    public Uni<@NonNull TotpEnrolment> enrolTotp(@Name("password") @Description("The user's password, proving it is the user.") @NonNull String password,
                                                 @Name("username") @Description("The user, when not logged in (a login that must enrol first); omit when logged in.") String username) {
        String address = callers.clientAddress();
        return callers.current().chain(caller -> auditedAs(caller, username).chain(audited -> audit.track(audited, "enrolTotp", null, address,
                () -> totp.start(new TotpEnrolmentService.Claimant(caller, username, password, address))
                        .map(e -> new TotpEnrolment(e.secret(), e.otpauthUri())))));
    }

    @Mutation
    @Description("Confirms TOTP enrolment with a code from the app; from then on `login` needs `otp`. Without an access token, "
            + "name the account with `username` and `password`. Errors: INVALID_OTP, TOTP_NOT_ENROLLED, INVALID_CREDENTIALS.")
    public Uni<@NonNull Boolean> confirmTotp(@Name("code") @Description("The 6-digit code the authenticator app shows for the new secret.") @NonNull String code,
                                             @Name("username") @Description("The user, when not logged in; omit when logged in.") String username,
                                             @Name("password") @Description("The user's password, when not logged in; omit when logged in.") String password) {
        String address = callers.clientAddress();
        return callers.current().chain(caller -> auditedAs(caller, username).chain(audited -> audit.track(audited, "confirmTotp", null, address,
                () -> totp.confirm(new TotpEnrolmentService.Claimant(caller, username, password, address), code))));
    }

    @Mutation
    @Description("Switches the second factor off, proven with the password and a current code. "
            + "Errors: INVALID_CREDENTIALS, INVALID_OTP, TOTP_REQUIRED_BY_POLICY.")
    public Uni<@NonNull Boolean> disableTotp(@Name("password") @Description("The user's password.") @NonNull String password,
                                             @Name("code") @Description("A current 6-digit code of the authenticator app.") @NonNull String code) {
        String address = callers.clientAddress();
        return callers.current().chain(caller -> audit.track(caller, "disableTotp", null, address,
                () -> totp.disable(new TotpEnrolmentService.Claimant(caller, null, password, address), code)));
    }

    @Mutation
    @Description("Changes the logged-in user's password, proven with the old one. Every other session of the user ends; this one goes on. "
            + "Errors: INVALID_CREDENTIALS (field oldPassword), VALIDATION_FAILED (newPassword), RATE_LIMITED.")
    public Uni<@NonNull Boolean> changePassword(@Name("oldPassword") @Description("The password now.") @NonNull String oldPassword,
                                                @Name("newPassword") @Description("The new password; the password rules apply.") @NonNull String newPassword) {
        String address = callers.clientAddress();
        return callers.current().chain(caller -> audit.track(caller, "changePassword", null, address,
                () -> passwordChanges.change(caller, oldPassword, newPassword, address)));
    }

    /** Whom to audit: the token's user, or the account a caller without token names. */
    private Uni<Caller> auditedAs(Caller caller, String username) {
        return caller.isAuthenticated() || username == null ? Uni.createFrom().item(caller) : attempted(username);
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
