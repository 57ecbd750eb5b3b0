using Microsoft.CodeAnalysis;

namespace Sprig.Generator.Tests.Support;

/// <summary>The references of a sample that uses Sprig.Web and ASP.NET Core (controllers), besides .NET and Sprig.Core.</summary>
internal static class WebReferences
{
    public static readonly MetadataReference[] All =
    [
        .. new[]
        {
            typeof(Sprig.Web.Generated.GeneratedControllers), typeof(Microsoft.AspNetCore.Http.HttpContext), typeof(Microsoft.AspNetCore.Http.Results),
            typeof(Microsoft.AspNetCore.Mvc.FromQueryAttribute), typeof(Microsoft.Extensions.DependencyInjection.FromKeyedServicesAttribute),
            typeof(Microsoft.AspNetCore.Http.IFormFile), typeof(Microsoft.AspNetCore.Mvc.NonActionAttribute), typeof(Microsoft.AspNetCore.Http.HttpResults.Ok),
            typeof(Microsoft.AspNetCore.Http.Features.IFeatureCollection), typeof(Microsoft.Extensions.Primitives.StringValues),
        }.Select(t => t.Assembly.Location).Distinct().Select(path => MetadataReference.CreateFromFile(path)),
    ];
}
