using Pipeline.Web.Access;

namespace Pipeline.Functions.Tests;

/// <summary>
/// Reading App Service Authentication's principal: the roles from <c>roles</c> claims and from the type <c>role_typ</c>
/// names, the name from <c>name_typ</c> and the usual fallbacks, and what each role grants. The headers are written by
/// hand from the platform's documented shape.
/// </summary>
public sealed class ClientPrincipalTests
{
    [Fact]
    public void A_preview_reader_may_preview_their_dataset_only_and_may_send_nothing()
    {
        Assert.True(ClientPrincipal.TryRead(Principals.Of("press@example.org", "Preview.violence-admissions"), out var caller, out _));

        Assert.Equal("press@example.org", caller.Name);
        Assert.True(caller.MayPreview("violence-admissions"));
        Assert.False(caller.MayPreview("serious-youth-violence"));
        Assert.False(caller.MaySubmit("violence-admissions"));
        Assert.False(caller.IsAdmin);
    }

    [Fact]
    public void An_admin_may_do_everything_and_the_operator_of_serve_too()
    {
        Assert.True(ClientPrincipal.TryRead(Principals.Of("ops@example.org", "Pipeline.Admin"), out var admin, out _));

        Assert.True(admin.IsAdmin && admin.MaySubmit("anything") && admin.MayPreview("anything"));
        Assert.True(Caller.Operator.IsAdmin && Caller.Operator.IsSignedIn);
        Assert.Equal("operator", Caller.Operator.Name);
        Assert.False(Caller.Anonymous.IsSignedIn || Caller.Anonymous.MaySubmit("serious-youth-violence"));
    }

    [Theory]
    [InlineData("""{"name_typ":"upn","claims":[{"typ":"upn","val":"a@x.org"},{"typ":"name","val":"A"}]}""", "a@x.org")]
    [InlineData("""{"claims":[{"typ":"preferred_username","val":"b@x.org"}]}""", "b@x.org")]
    [InlineData("""{"claims":[{"typ":"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name","val":"C"}]}""", "C")]
    [InlineData("""{"claims":[{"typ":"appid","val":"00000000-0000-0000-0000-00000000000c"}]}""", "00000000-0000-0000-0000-00000000000c")]
    [InlineData("""{"claims":[{"typ":"name","val":""},{"typ":"oid","val":"d"}]}""", "d")]
    [InlineData("""{"claims":[]}""", "unnamed principal")]
    public void The_name_is_the_name_typ_claim_or_the_first_claim_that_names_the_principal(string json, string name)
    {
        Assert.True(ClientPrincipal.TryRead(Principals.Base64(json), out var caller, out var problem), problem);

        Assert.Equal(name, caller.Name);
        Assert.Empty(caller.Roles);
    }

    [Fact]
    public void Roles_come_from_roles_claims_and_from_the_type_role_typ_names_but_no_other()
    {
        const string json = """
            {"role_typ":"http://schemas.microsoft.com/ws/2008/06/identity/claims/role","claims":[
              {"typ":"name","val":"e"},
              {"typ":"roles","val":"Submit.violence-admissions"},
              {"typ":"http://schemas.microsoft.com/ws/2008/06/identity/claims/role","val":"Preview.serious-youth-violence"},
              {"typ":"groups","val":"Pipeline.Admin"}]}
            """;

        Assert.True(ClientPrincipal.TryRead(Principals.Base64(json), out var caller, out _));

        Assert.Equal(["Preview.serious-youth-violence", "Submit.violence-admissions"], caller.Roles.Order(StringComparer.Ordinal));
        Assert.False(caller.IsAdmin);
    }
}
