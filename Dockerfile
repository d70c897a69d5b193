# syntax=docker/dockerfile:1
# Builds the TrustAdvisor web app. The runtime image holds only the published app.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# The restore layer depends only on the project files and the central package versions, so a change to the
# source alone does not download the packages again.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/TrustAdvisor.Domain/TrustAdvisor.Domain.csproj src/TrustAdvisor.Domain/
COPY src/TrustAdvisor.Infrastructure/TrustAdvisor.Infrastructure.csproj src/TrustAdvisor.Infrastructure/
COPY src/TrustAdvisor.Web/TrustAdvisor.Web.csproj src/TrustAdvisor.Web/
RUN dotnet restore src/TrustAdvisor.Web/TrustAdvisor.Web.csproj
COPY src/ src/
RUN dotnet publish src/TrustAdvisor.Web/TrustAdvisor.Web.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app .
# The embedded SQLite default writes here; with PostgreSQL it stays empty.
RUN mkdir -p /app/App_Data && chown "$APP_UID" /app/App_Data
USER $APP_UID
# The image listens on 8080 (its ASPNETCORE_HTTP_PORTS); setting ASPNETCORE_URLS as well only earns a warning.
EXPOSE 8080
# The image has no curl: the app asks its own /health/ready and exits 0 or 1.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["dotnet", "TrustAdvisor.Web.dll", "--health-check"]
ENTRYPOINT ["dotnet", "TrustAdvisor.Web.dll"]
