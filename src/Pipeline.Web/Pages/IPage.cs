using Microsoft.AspNetCore.Components;

namespace Pipeline.Web.Pages;

/// <summary>A page's component: everything it shows is in its <see cref="Model"/> (rendered by <see cref="PageRenderer"/>).</summary>
public interface IPage<TModel> : IComponent
{
    TModel Model { get; set; }
}
