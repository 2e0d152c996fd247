export default defineAppConfig({
  pages: ['pages/index/index', 'pages/station/index'],
  window: {
    navigationBarTitleText: '城管进社区',
    navigationBarBackgroundColor: '#1e63d6',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f4f6f9',
    backgroundTextStyle: 'light',
  },
  // WeChat refuses getLocation unless it is declared here and its purpose is shown to the user.
  requiredPrivateInfos: ['getLocation'],
  permission: {
    'scope.userLocation': { desc: '用于查找离您最近的城管工作站' },
  },
});
