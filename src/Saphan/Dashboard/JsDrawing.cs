using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Saphan.Dashboard;

/// <summary>
/// A component drawn by a JavaScript module (the district map, the bar chart): imports the module and draws on the first
/// render, updates on later renders, disposes with the component. A page left while its module was still loading (the
/// officer clicked on before the map appeared) must not surface an error on the next page: whatever the browser answers
/// after disposal is ignored.
/// </summary>
public abstract class JsDrawing : ComponentBase, IAsyncDisposable
{
    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    private IJSObjectReference? module;
    private IJSObjectReference? handle;
    private bool disposed;

    /// <summary>The module under <c>_content/Saphan/js/</c>, e.g. <c>districtMap.js</c>.</summary>
    protected abstract string ModuleFile { get; }

    /// <summary>Calls the module's <c>render</c>, returning its handle.</summary>
    protected abstract ValueTask<IJSObjectReference> RenderAsync(IJSObjectReference js);

    /// <summary>Calls the module's <c>update</c> with the handle and the current parameters.</summary>
    protected abstract ValueTask UpdateAsync(IJSObjectReference js, IJSObjectReference drawing);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        try
        {
            if (firstRender)
            {
                module = await JS.InvokeAsync<IJSObjectReference>("import", "./_content/Saphan/js/" + ModuleFile);
                if (disposed) return;
                handle = await RenderAsync(module);
                if (disposed) await module.InvokeVoidAsync("dispose", handle);
            }
            else if (module is not null && handle is not null && !disposed)
            {
                await UpdateAsync(module, handle);
            }
        }
        catch (Exception e) when (disposed && e is JSException or JSDisconnectedException or TaskCanceledException or ObjectDisposedException)
        {
            // The component was removed while the browser drew it; nothing is shown any more.
        }
    }

    public async ValueTask DisposeAsync()
    {
        disposed = true;
        try
        {
            if (module is not null && handle is not null) await module.InvokeVoidAsync("dispose", handle);
            if (module is not null) await module.DisposeAsync();
        }
        catch (JSDisconnectedException) { /* the circuit is gone; the browser cleans up */ }
        GC.SuppressFinalize(this);
    }
}
