namespace Pipeline.Infra.Tests;

[Collection(CompiledTemplateCollection.Name)]
public sealed class BicepBuildTests(CompiledTemplateFixture compiled)
{
    [Fact]
    public void Main_template_builds_without_errors_or_warnings()
    {
        Assert.Equal("", compiled.Build.StandardError.Trim());
        Assert.Equal(0, compiled.Build.ExitCode);
    }

    [Fact]
    public async Task Main_template_passes_the_linter_offline_without_findings()
    {
        // bicep lint exits 0 on warnings, so any output at all is a finding.
        var lint = await BicepCli.RunAsync("lint", Repository.Infra("main.bicep"), "--no-restore");

        Assert.Equal("", lint.StandardError.Trim());
        Assert.Equal("", lint.StandardOutput.Trim());
        Assert.Equal(0, lint.ExitCode);
    }

    [Fact]
    public void Every_parameter_is_described()
    {
        var undescribed = compiled.Template.Parameters
            .Where(parameter => string.IsNullOrWhiteSpace((string?)parameter.Value!["metadata"]?["description"]))
            .Select(parameter => parameter.Key);

        Assert.Empty(undescribed);
    }
}
