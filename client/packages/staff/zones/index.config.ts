export default definePageConfig({
  navigationBarTitleText: '临时摊位区',
  enablePullDownRefresh: true,
});
