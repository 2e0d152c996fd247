export default definePageConfig({
  navigationBarTitleText: '开放日管理',
  enablePullDownRefresh: true,
});
