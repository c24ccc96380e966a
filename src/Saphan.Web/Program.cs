using Saphan.Access;
using Saphan.Access.Account;
using Saphan.Assessment;
using Saphan.Dashboard;
using Saphan.Layout;
using Saphan.Localization;
using Saphan.Registry;
using Saphan.Registry.Import;
using Saphan.Rights;
using Saphan.Storage;

var builder = WebApplication.CreateBuilder(args);
// Serve the class library's assets from the build output in every environment, not only Development
// (the run command uses the Demo environment); a published app serves its own wwwroot and this is a no-op.
builder.WebHost.UseStaticWebAssets();

builder.Services.AddSaphanStorage(builder.Configuration);
builder.Services.AddSaphanAccess();
builder.Services.AddSaphanLocalization();
builder.Services.AddSaphanPages(builder.Configuration);
builder.Services.AddRegistry();
builder.Services.AddRegistryImport(builder.Configuration);
builder.Services.AddDashboard();
builder.Services.AddRights();
builder.Services.AddAssessment(builder.Configuration);

var app = builder.Build();

app.UseSaphanPipeline();
app.MapAccountEndpoints();
app.MapRegistryApi();
app.MapRegistryImport();
app.MapDashboardApi();
app.MapAssessment();

await DatabasePreparation.PrepareAsync(app.Services);
app.Run();
