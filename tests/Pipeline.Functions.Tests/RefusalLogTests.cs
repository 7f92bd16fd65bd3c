using Microsoft.Extensions.Logging;
using Pipeline.Web;
using Pipeline.Web.Access;

namespace Pipeline.Functions.Tests;

/// <summary>What an operator finds in the logs when a partner asks why they may not send: who, which dataset, which role.</summary>
public sealed class RefusalLogTests
{
    [Fact]
    public void A_refused_role_is_logged_with_the_principal_the_dataset_and_the_role_it_needs()
    {
        var logger = new RecordingLogger<UploadHandlers>();
        var caller = Caller.SignedIn("ana@partner.example", ["Submit.violence-admissions"]);

        var refused = AccessAnswers.MaySubmit(caller, "serious-youth-violence", "send returns", logger);

        Assert.Equal(403, refused!.Status);
        var logged = Assert.Single(logger.Events);
        Assert.Equal((5002, "SubmitRoleRefused", LogLevel.Information), (logged.Id.Id, logged.Id.Name, logged.Level));
        Assert.Equal("ana@partner.example", logged.Values["Principal"]);
        Assert.Equal("serious-youth-violence", logged.Values["Dataset"]);
        Assert.Equal("send returns", logged.Values["Action"]);
        Assert.Equal("Submit.serious-youth-violence", logged.Values["Role"]);
        Assert.Equal(
            "ana@partner.example was refused: to send returns of the dataset serious-youth-violence needs the app role Submit.serious-youth-violence",
            logged.Message);
    }

    [Fact]
    public void A_role_that_is_held_logs_nothing()
    {
        var logger = new RecordingLogger<UploadHandlers>();

        Assert.Null(AccessAnswers.MaySubmit(Caller.SignedIn("ana@partner.example", ["Submit.violence-admissions"]), "violence-admissions", "send returns", logger));
        Assert.Empty(logger.Events);
    }
}
