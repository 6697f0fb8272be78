package cn.fapiao.taxpayer;

import cn.fapiao.audit.AuditTrail;
import cn.fapiao.security.CallerContext;
import cn.fapiao.security.Role;
import cn.fapiao.taxpayer.api.TotpPolicy;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import java.util.List;
import java.util.stream.Collectors;

/** The organisation's second-factor policy, for its admins. */
@GraphQLApi
public class TotpPolicyResource {

    private final TotpPolicyService policies;
    private final CallerContext callers;
    private final AuditTrail audit;

    public TotpPolicyResource(TotpPolicyService policies, CallerContext callers, AuditTrail audit) {
        this.policies = policies;
        this.callers = callers;
        this.audit = audit;
    }

    @Query
    @Description("The caller's organisation's second-factor policy. Role: ADMIN.")
    public Uni<@NonNull TotpPolicy> totpPolicy() {
        return callers.current().chain(policies::get).map(TotpPolicy::of);
    }

    @Mutation("setTotpPolicy")
    @Description("Sets which roles of the caller's organisation must log in with a one-time password (the complete list; empty for none). "
            + "Applies from each user's next login: users of these roles without a second factor get TOTP_ENROLMENT_REQUIRED and enrol then. Role: ADMIN.")
    public Uni<@NonNull TotpPolicy> setTotpPolicy(@Name("requiredForRoles") @NonNull List<@NonNull Role> requiredForRoles) {
        String address = callers.clientAddress();
        String target = requiredForRoles.stream().map(Role::name).sorted().distinct().collect(Collectors.joining(","));
        return callers.current().chain(caller -> audit.track(caller, "setTotpPolicy", target, address,
                () -> policies.set(caller, requiredForRoles).map(TotpPolicy::of)));
    }
}
