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
        // bicep lint exits 0 on warnings, so any output at all is a finding. It lints the modules main.bicep uses too.
        var lint = await BicepCli.RunAsync("lint", Repository.Infra("main.bicep"), "--no-restore");

        Assert.Equal("", lint.StandardError.Trim());
        Assert.Equal("", lint.StandardOutput.Trim());
        Assert.Equal(0, lint.ExitCode);
    }

    [Fact]
    public void Every_module_in_infra_modules_is_deployed_by_main_so_none_escapes_the_build_and_the_linter()
    {
        var main = File.ReadAllText(Repository.Infra("main.bicep"));
        var modules = Directory.GetFiles(Repository.Infra("modules"), "*.bicep").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(modules);
        Assert.All(modules, module => Assert.Contains($" 'modules/{module}' = {{", main, StringComparison.Ordinal));
        Assert.Equal(modules.Count, compiled.Template.Modules.Count);
    }

    [Fact]
    public void Every_parameter_is_described()
    {
        var undescribed = compiled.Template.Parameters
            .Concat(compiled.Template.Modules.Values.SelectMany(module => module.Parameters))
            .Where(parameter => string.IsNullOrWhiteSpace((string?)parameter.Value!["metadata"]?["description"]))
            .Select(parameter => parameter.Key);

        Assert.Empty(undescribed);
    }

    [Fact]
    public void The_compiled_template_stays_in_ARM_language_version_1_as_before_the_split_into_modules()
    {
        // Imports, user-defined types and modules without a name make bicep emit languageVersion 2.0 (symbolic names),
        // in which ARM also processes the existing resources a template declares. main.bicep's outputs read, as existing,
        // resources that its modules create; version 1.0 only reads them through reference() once the modules are done.
        Assert.Null(compiled.Template.Root["languageVersion"]);
        Assert.IsType<System.Text.Json.Nodes.JsonArray>(compiled.Template.Root["resources"]);
    }
}
