using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Pipeline.Functions;

PipelineHost.Configure(FunctionsApplication.CreateBuilder(args)).Build().Run();
