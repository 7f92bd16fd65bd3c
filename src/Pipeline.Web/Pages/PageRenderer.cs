using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Pipeline.Web.Pages;

/// <summary>
/// Renders a page's Razor component to a string with ASP.NET Core's <see cref="HtmlRenderer"/>, for the function app and
/// <c>pipeline serve</c> alike (one instance, registered by <see cref="WebRegistration.AddPipelineWeb"/>). Each page gets
/// a renderer of its own, disposed when the page is written: a renderer keeps every component it rendered until it is
/// disposed, so a shared one would grow with every request. The renderer's services are the pages' own and hold one
/// thing, the <see cref="PageEncoder"/> every value goes through; the components take everything else as parameters.
/// </summary>
public sealed class PageRenderer(ILoggerFactory loggerFactory) : IDisposable
{
    private readonly ServiceProvider services = new ServiceCollection()
        .AddSingleton<HtmlEncoder>(PageEncoder.Instance)
        .BuildServiceProvider();

    /// <summary>The HTML of the page <typeparamref name="TPage"/> showing <paramref name="model"/>.</summary>
    public async Task<string> RenderAsync<TPage, TModel>(TModel model)
        where TPage : IPage<TModel>
    {
        var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(IPage<>.Model)] = model });
        await using var renderer = new HtmlRenderer(services, loggerFactory);
        return await renderer.Dispatcher.InvokeAsync(async () => (await renderer.RenderComponentAsync<TPage>(parameters)).ToHtmlString());
    }

    /// <summary>The page <typeparamref name="TPage"/> showing <paramref name="model"/>, as an answer that is never cached.</summary>
    public async Task<WebResult> PageAsync<TPage, TModel>(int status, TModel model)
        where TPage : IPage<TModel> =>
        PageResponses.Page(status, await RenderAsync<TPage, TModel>(model));

    /// <summary>The page saying why a request was refused, with its status.</summary>
    public Task<WebResult> RefusalAsync(Refusal refusal) => PageAsync<RefusalPage, Refusal>(refusal.Status, refusal);

    public void Dispose() => services.Dispose();
}
