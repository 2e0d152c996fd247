import { TAB_ROUTES, mainPackagePages, subPackages } from './routes';

// app.json, built from the one route table (routes.ts).
export default defineAppConfig({
  pages: mainPackagePages(),
  subPackages: subPackages(),
  window: {
    navigationBarTitleText: '城管进社区',
    navigationBarBackgroundColor: '#1e63d6',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f4f6f9',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    color: '#5f6673',
    selectedColor: '#1e63d6',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    // Icons are files in the package (81×81 PNG, drawn from the .svg beside them).
    list: Object.values(TAB_ROUTES).map((r) => ({
      pagePath: r.path,
      text: r.tab,
      iconPath: `assets/tabbar/${r.icon}.png`,
      selectedIconPath: `assets/tabbar/${r.icon}-on.png`,
    })),
  },
  // WeChat refuses these unless declared here, with the purpose shown to the resident.
  requiredPrivateInfos: ['getLocation', 'chooseLocation'],
  permission: {
    'scope.userLocation': { desc: '用于查找离您最近的城管工作站，并标注您反映问题的位置' },
  },
  // Privacy APIs wait for our own popup (components/PrivacyPopup) to collect consent.
  ...({ __usePrivacyCheck__: true } as Record<string, unknown>),
});
