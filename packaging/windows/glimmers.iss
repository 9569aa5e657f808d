; Inno Setup script for the PyInstaller one-folder build (dist\Glimmers\ from
; packaging\pyinstaller\glimmers.spec). On Windows, from the project folder:
;   python packaging\linux\make_icons.py build\icons
;   pyinstaller --noconfirm packaging\pyinstaller\glimmers.spec
;   iscc packaging\windows\glimmers.iss
#define AppName "Glimmers"
#define AppVersion "0.1.0"
#define AppId "org.example.Glimmers"

[Setup]
AppId={#AppId}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=The Glimmers developers
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\..\dist\installer
OutputBaseFilename=Glimmers-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
SetupIconFile=..\..\build\icons\glimmers.ico
UninstallDisplayIcon={app}\Glimmers.exe
LicenseFile=..\..\LICENSE

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\Glimmers\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\Glimmers.exe"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\Glimmers.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\Glimmers.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; Your journal is in %APPDATA%\Glimmers\Glimmers and is never removed by the uninstaller.
